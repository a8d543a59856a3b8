import { deepEqual } from "node:assert/strict";
import {
  type EventName,
  METADATA_FIELDS_BY_SCHEMA,
  type MetadataOf,
  type Schema1EventName,
  type Schema1MetadataOf,
} from "../../src/events/mod.ts";

/** Exactly the keys of a type: the compiler refuses a missing or an extra one. */
type KeysOf<T> = { [P in keyof Required<T>]: true };

const SCHEMA_2_KEYS: { [K in EventName]: KeysOf<MetadataOf[K]> } = {
  "scan.started": {
    mode: true,
    profile: true,
    tools: true,
    target_types: true,
    ci_detected: true,
    multi_target_scan: true,
    compliance_usage: true,
    total_targets_bucket: true,
    scan_frequency_hint: true,
  },
  "scan.completed": {
    mode: true,
    profile: true,
    duration_bucket: true,
    tools_succeeded: true,
    tools_failed: true,
    total_findings_bucket: true,
  },
  "tool.failed": { tool: true, failure_type: true, exit_code: true, profile: true },
  "wizard.completed": {
    profile_selected: true,
    execution_mode: true,
    artifact_generated: true,
    duration_bucket: true,
  },
  "report.generated": {
    output_formats: true,
    findings_bucket: true,
    suppressions_used: true,
    compliance_enabled: true,
  },
  "policy.evaluated": {
    policy_count: true,
    violations_bucket: true,
    evaluation_time_bucket: true,
    policies: true,
    passed_count: true,
    failed_count: true,
  },
};

const SCHEMA_1_KEYS: { [K in Schema1EventName]: KeysOf<Schema1MetadataOf[K]> } = {
  "scan.started": { mode: true, profile: true, tools: true, target_types: true },
  "scan.completed": SCHEMA_2_KEYS["scan.completed"],
  "tool.failed": SCHEMA_2_KEYS["tool.failed"],
  "wizard.completed": {
    profile_selected: true,
    execution_mode: true,
    artifact_generated: true,
    duration_seconds: true,
  },
  "report.generated": SCHEMA_2_KEYS["report.generated"],
};

Deno.test("the TypeScript types of both schemas name exactly the fields the definition defines", () => {
  for (const [schema, keys] of [[1, SCHEMA_1_KEYS], [2, SCHEMA_2_KEYS]] as const) {
    const defined: Record<string, object> = METADATA_FIELDS_BY_SCHEMA[schema];
    deepEqual(Object.keys(keys).sort(), Object.keys(defined).sort(), `schema ${schema}`);
    for (const [event, fields] of Object.entries(keys)) {
      deepEqual(Object.keys(fields).sort(), Object.keys(defined[event]).sort(), event);
    }
  }
});
