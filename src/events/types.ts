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
  "scan.completed": {
    mode: Mode;
    profile: Profile;
    duration_bucket: DurationBucket;
    tools_succeeded: number;
    tools_failed: number;
    total_findings_bucket?: FindingsBucket | undefined;
  };
  "tool.failed": {
    tool: string;
    failure_type: typeof FAILURE_TYPES[number];
    exit_code: number | null;
    profile: Profile;
  };
  "wizard.completed": {
    profile_selected: Profile;
    execution_mode: typeof EXECUTION_MODES[number];
    artifact_generated: typeof ARTIFACTS[number] | null;
    duration_seconds: number;
  };
  "report.generated": {
    output_formats: typeof OUTPUT_FORMATS[number][];
    findings_bucket: FindingsBucket;
    suppressions_used: boolean;
    compliance_enabled: boolean;
  };
}

/** A valid event of one given name. */
export interface EnvelopeOf<K extends EventName> {
  schema: 1;
  event_id: string;
  event: K;
  version: string;
  platform: Platform;
  python_version?: string | undefined;
  anonymous_id: string;
  timestamp: string;
  metadata: MetadataOf[K];
}

/** A valid event of schema 1. */
export type Envelope = { [K in EventName]: EnvelopeOf<K> }[EventName];
