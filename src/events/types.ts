/**
 * The TypeScript types of schema 1, written out so the public API has
 * explicit types; the schemas in `definitions.ts` are checked against them.
 *
 * @module
 */

import type {
  ARTIFACTS,
  DURATION_BUCKETS,
  EventName,
  EXECUTION_MODES,
  FAILURE_TYPES,
  FINDINGS_BUCKETS,
  Mode,
  OUTPUT_FORMATS,
  Platform,
  PROFILES,
} from "./vocabulary.ts";

/** A scan profile. */
export type Profile = typeof PROFILES[number];
/** A scan duration bucket. */
export type DurationBucket = typeof DURATION_BUCKETS[number];
/** A finding count bucket. */
export type FindingsBucket = typeof FINDINGS_BUCKETS[number];

/** Metadata of each event. */
export interface MetadataOf {
  /** A scan began: its mode, profile, scanners and how many targets of each kind. */
  "scan.started": {
    mode: Mode;
    profile: Profile;
    tools: string[];
    target_types: {
      repos: number;
      images: number;
      urls: number;
      iac: number;
      gitlab: number;
      k8s: number;
    };
  };
  /** A scan ended: how long it took and how many findings, both bucketed. */
  "scan.completed": {
    mode: Mode;
    profile: Profile;
    duration_bucket: DurationBucket;
    tools_succeeded: number;
    tools_failed: number;
    total_findings_bucket?: FindingsBucket | undefined;
  };
  /** A scanner failed: which one (a short name, never a path) and how. */
  "tool.failed": {
    tool: string;
    failure_type: typeof FAILURE_TYPES[number];
    exit_code: number | null;
    profile: Profile;
  };
  /** The setup wizard finished: what it chose and generated. */
  "wizard.completed": {
    profile_selected: Profile;
    execution_mode: typeof EXECUTION_MODES[number];
    artifact_generated: typeof ARTIFACTS[number] | null;
    duration_seconds: number;
  };
  /** Reports were written: in which formats, with how many findings (bucketed). */
  "report.generated": {
    output_formats: typeof OUTPUT_FORMATS[number][];
    findings_bucket: FindingsBucket;
    suppressions_used: boolean;
    compliance_enabled: boolean;
  };
}

/** A valid event of one given name. */
export interface EnvelopeOf<K extends EventName> {
  /** The schema version: always 1. */
  schema: 1;
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
  /** The event's metadata. */
  metadata: MetadataOf[K];
}

/** A valid event of schema 1. */
export type Envelope = { [K in EventName]: EnvelopeOf<K> }[EventName];
