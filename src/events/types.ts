/**
 * The TypeScript types of schemas 1 and 2, written out so the public API has
 * explicit types; they follow `definitions.ts` field by field, and
 * `tests/events/types_follow_definition.test.ts` holds their fields to it.
 *
 * @module
 */

import type {
  ARTIFACTS,
  DURATION_BUCKETS,
  EVALUATION_TIME_BUCKETS,
  EventName,
  EXECUTION_MODES,
  FAILURE_TYPES,
  FINDINGS_BUCKETS,
  Mode,
  OUTPUT_FORMATS,
  Platform,
  POLICIES,
  PROFILES,
  SCAN_FREQUENCY_HINTS,
  Schema1EventName,
  SCHEMA_1_OUTPUT_FORMATS,
  TARGETS_BUCKETS,
  VIOLATIONS_BUCKETS,
  WIZARD_DURATION_BUCKETS,
} from "./vocabulary.ts";

/** A scan profile. */
export type Profile = typeof PROFILES[number];
/** A scan duration bucket. */
export type DurationBucket = typeof DURATION_BUCKETS[number];
/** A finding count bucket. */
export type FindingsBucket = typeof FINDINGS_BUCKETS[number];
/** A bucket of the time the setup wizard was open. */
export type WizardDurationBucket = typeof WIZARD_DURATION_BUCKETS[number];
/** A bucket of scan targets (`total_targets_bucket`). */
export type TargetsBucket = typeof TARGETS_BUCKETS[number];
/** A bucket of policy violations (`violations_bucket`). */
export type ViolationsBucket = typeof VIOLATIONS_BUCKETS[number];
/** A bucket of policy evaluation time (`evaluation_time_bucket`). */
export type EvaluationTimeBucket = typeof EVALUATION_TIME_BUCKETS[number];
/** How often an install scans, told by its scan count (`scan_frequency_hint`). */
export type ScanFrequencyHint = typeof SCAN_FREQUENCY_HINTS[number];

/** How many targets of each kind a scan covers. */
export interface TargetTypes {
  /** Source repositories. */
  repos: number;
  /** Container images. */
  images: number;
  /** Web URLs. */
  urls: number;
  /** Infrastructure-as-code files. */
  iac: number;
  /** GitLab projects. */
  gitlab: number;
  /** Kubernetes clusters. */
  k8s: number;
}

/** Metadata of each event of schema 2, the schema this client writes. */
export interface MetadataOf {
  /** A scan began: its mode, profile, scanners, targets, and how it is run. */
  "scan.started": {
    mode: Mode;
    /** `custom` for a user-defined profile; `null` when the host has none. */
    profile: Profile | null;
    tools: string[];
    target_types: TargetTypes;
    ci_detected?: boolean | undefined;
    multi_target_scan?: boolean | undefined;
    compliance_usage?: boolean | undefined;
    total_targets_bucket?: typeof TARGETS_BUCKETS[number] | undefined;
    scan_frequency_hint?: typeof SCAN_FREQUENCY_HINTS[number] | null | undefined;
  };
  /** A scan ended: how long it took and how many findings, both bucketed. */
  "scan.completed": {
    mode: Mode;
    profile: Profile | null;
    duration_bucket: DurationBucket;
    tools_succeeded: number;
    tools_failed: number;
    total_findings_bucket?: FindingsBucket | undefined;
  };
  /** A scanner failed: which one (a short name, never a path; else `other`) and how. */
  "tool.failed": {
    tool: string;
    failure_type: typeof FAILURE_TYPES[number];
    exit_code: number | null;
    profile: Profile | null;
  };
  /** The setup wizard finished: what it chose and generated, and how long it was open (bucketed). */
  "wizard.completed": {
    profile_selected: Profile | null;
    execution_mode: typeof EXECUTION_MODES[number];
    artifact_generated: typeof ARTIFACTS[number] | null;
    duration_bucket: WizardDurationBucket;
  };
  /** Reports were written: in which formats, with how many findings (bucketed). */
  "report.generated": {
    output_formats: typeof OUTPUT_FORMATS[number][];
    findings_bucket: FindingsBucket;
    suppressions_used: boolean;
    compliance_enabled: boolean;
  };
  /** Policies were evaluated: how many, which (user-defined ones as `custom`), with what result. */
  "policy.evaluated": {
    policy_count: number;
    violations_bucket: typeof VIOLATIONS_BUCKETS[number];
    evaluation_time_bucket: typeof EVALUATION_TIME_BUCKETS[number];
    policies: typeof POLICIES[number][];
    passed_count: number;
    failed_count: number;
  };
}

/** Metadata of each event of schema 1, as older clients sent it. */
export interface Schema1MetadataOf {
  /** A scan began: its mode, profile, scanners and how many targets of each kind. */
  "scan.started": {
    mode: Mode;
    profile: Profile;
    tools: string[];
    target_types: TargetTypes;
  };
  /** A scan ended: as in schema 2, but a profile is never `null`. */
  "scan.completed": Omit<MetadataOf["scan.completed"], "profile"> & { profile: Profile };
  /** A scanner failed: as in schema 2, but a profile is never `null`. */
  "tool.failed": Omit<MetadataOf["tool.failed"], "profile"> & { profile: Profile };
  /** The setup wizard finished, with its duration in seconds (at most a day). */
  "wizard.completed":
    & Omit<MetadataOf["wizard.completed"], "profile_selected" | "duration_bucket">
    & { profile_selected: Profile; duration_seconds: number };
  /** Reports were written, in the four formats schema 1 knows. */
  "report.generated": Omit<MetadataOf["report.generated"], "output_formats"> & {
    output_formats: typeof SCHEMA_1_OUTPUT_FORMATS[number][];
  };
}

/** The fields every envelope carries around its metadata. */
export interface EnvelopeBase<S extends number, K extends string> {
  /** The schema version. */
  schema: S;
  /** A random UUID v4 per event, which makes delivery idempotent. */
  event_id: string;
  /** The event's name. */
  event: K;
  /** The host tool's version. */
  version: string;
  /** The platform the event was recorded on. */
  platform: Platform;
  /** The host's Python version, major.minor, when given. */
  python_version?: string | undefined;
  /** The install's anonymous id: a random UUID linked to nothing about the user. */
  anonymous_id: string;
  /** When it happened: `YYYY-MM-DDTHH:MM:SSZ`. */
  timestamp: string;
}

/** A valid schema 2 event of one given name, as this client writes it. */
export interface EnvelopeOf<K extends EventName> extends EnvelopeBase<2, K> {
  /** The event's metadata. */
  metadata: MetadataOf[K];
}

/** A valid schema 1 event of one given name, as older clients wrote it. */
export interface Schema1EnvelopeOf<K extends Schema1EventName> extends EnvelopeBase<1, K> {
  /** The event's metadata. */
  metadata: Schema1MetadataOf[K];
}

/** A valid event of schema 2, as this client writes it. */
export type Schema2Envelope = { [K in EventName]: EnvelopeOf<K> }[EventName];
/** A valid event of schema 1. */
export type Schema1Envelope = { [K in Schema1EventName]: Schema1EnvelopeOf<K> }[Schema1EventName];
/** A valid event of either schema, as the collector stores it and analytics read it. */
export type Envelope = Schema2Envelope | Schema1Envelope;
