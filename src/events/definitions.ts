/**
 * The one definition of schemas 1 and 2: every field of the envelope and of
 * each event's metadata, as plain data. The fast checker (`check_fields.ts`),
 * the normaliser (`normalise_fields.ts`) and the zod schemas
 * (`zod_schemas.ts`) are all generated from it, and the TypeScript types of
 * `types.ts` are checked against it; the collector imports them, it never
 * copies them.
 *
 * @module
 */

import type { FieldSpec, ObjectFields } from "./field_spec.ts";
import {
  ARTIFACTS,
  CUSTOM,
  DURATION_BUCKETS,
  EVALUATION_TIME_BUCKETS,
  type EventName,
  EXECUTION_MODES,
  FAILURE_TYPES,
  FINDINGS_BUCKETS,
  MODES,
  OTHER,
  OUTPUT_FORMATS,
  PLATFORMS,
  POLICIES,
  PROFILES,
  SCAN_FREQUENCY_HINTS,
  type Schema1EventName,
  SCHEMA_1_OUTPUT_FORMATS,
  SCHEMA_1_TOOL_NAME_PATTERN,
  type SchemaVersion,
  TARGET_TYPES,
  TARGETS_BUCKETS,
  TOOL_NAME_PATTERN,
  VIOLATIONS_BUCKETS,
  WIZARD_DURATION_BUCKETS,
} from "./vocabulary.ts";

const count: FieldSpec = { type: "int", min: 0, max: 1_000_000 };
const mode: FieldSpec = { type: "enum", values: MODES };
const flag: FieldSpec = { type: "boolean" };
const targetTypes: FieldSpec = {
  type: "object",
  fields: Object.fromEntries(TARGET_TYPES.map((t) => [t, count])),
};
const exitCode: FieldSpec = {
  type: "int",
  min: -2_147_483_648,
  max: 4_294_967_295,
  nullable: true,
};

/** A random UUID version 4, lower or upper case. */
export const UUID_V4_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const uuidV4: FieldSpec = { type: "string", pattern: UUID_V4_PATTERN, hint: "must be a UUID v4" };

const schema1Tool: FieldSpec = {
  type: "string",
  pattern: SCHEMA_1_TOOL_NAME_PATTERN,
  hint: "must match ^[a-z0-9][a-z0-9._-]{0,39}$",
};
const schema1Profile: FieldSpec = { type: "enum", values: PROFILES };

/** Metadata of each event of schema 1: strict objects, nothing normalised. */
const SCHEMA_1_METADATA: { readonly [K in Schema1EventName]: ObjectFields } = {
  "scan.started": {
    mode,
    profile: schema1Profile,
    tools: { type: "array", items: schema1Tool, maxItems: 100 },
    target_types: targetTypes,
  },
  "scan.completed": {
    mode,
    profile: schema1Profile,
    duration_bucket: { type: "enum", values: DURATION_BUCKETS },
    tools_succeeded: count,
    tools_failed: count,
    total_findings_bucket: { type: "enum", values: FINDINGS_BUCKETS, optional: true },
  },
  "tool.failed": {
    tool: schema1Tool,
    failure_type: { type: "enum", values: FAILURE_TYPES },
    exit_code: exitCode,
    profile: schema1Profile,
  },
  "wizard.completed": {
    profile_selected: schema1Profile,
    execution_mode: { type: "enum", values: EXECUTION_MODES },
    artifact_generated: { type: "enum", values: ARTIFACTS, nullable: true },
    duration_seconds: { type: "int", min: 0, max: 86_400 },
  },
  "report.generated": {
    output_formats: {
      type: "array",
      items: { type: "enum", values: SCHEMA_1_OUTPUT_FORMATS },
      maxItems: SCHEMA_1_OUTPUT_FORMATS.length,
    },
    findings_bucket: { type: "enum", values: FINDINGS_BUCKETS },
    suppressions_used: flag,
    compliance_enabled: flag,
  },
};

const tool: FieldSpec = {
  type: "string",
  pattern: TOOL_NAME_PATTERN,
  hint: "must match ^[a-z0-9][a-z0-9._+-]{0,39}$",
  fallback: OTHER,
};
/** A profile: a user-defined one is recorded as `custom`; `null` when the host has none. */
const profile: FieldSpec = { type: "enum", values: PROFILES, nullable: true, fallback: CUSTOM };

/** Metadata of each event of schema 2, the one this client writes. */
const SCHEMA_2_METADATA: { readonly [K in EventName]: ObjectFields } = {
  "scan.started": {
    mode,
    profile,
    tools: { type: "array", items: tool, maxItems: 100 },
    target_types: targetTypes,
    ci_detected: { ...flag, optional: true },
    multi_target_scan: { ...flag, optional: true },
    compliance_usage: { ...flag, optional: true },
    total_targets_bucket: { type: "enum", values: TARGETS_BUCKETS, optional: true },
    scan_frequency_hint: {
      type: "enum",
      values: SCAN_FREQUENCY_HINTS,
      nullable: true,
      optional: true,
    },
  },
  "scan.completed": { ...SCHEMA_1_METADATA["scan.completed"], profile },
  "tool.failed": { ...SCHEMA_1_METADATA["tool.failed"], tool, profile },
  "wizard.completed": {
    profile_selected: profile,
    execution_mode: { type: "enum", values: EXECUTION_MODES },
    artifact_generated: { type: "enum", values: ARTIFACTS, nullable: true },
    duration_bucket: { type: "enum", values: WIZARD_DURATION_BUCKETS },
  },
  "report.generated": {
    ...SCHEMA_1_METADATA["report.generated"],
    output_formats: {
      type: "array",
      items: { type: "enum", values: OUTPUT_FORMATS, fallback: OTHER },
      maxItems: OUTPUT_FORMATS.length,
    },
  },
  "policy.evaluated": {
    policy_count: count,
    violations_bucket: { type: "enum", values: VIOLATIONS_BUCKETS },
    evaluation_time_bucket: { type: "enum", values: EVALUATION_TIME_BUCKETS },
    policies: {
      type: "array",
      items: { type: "enum", values: POLICIES, fallback: CUSTOM },
      maxItems: 100,
    },
    passed_count: count,
    failed_count: count,
  },
};

/**
 * Metadata of each event, by schema version: a version defines only its own
 * events (schema 1 has no `policy.evaluated`).
 */
export const METADATA_FIELDS_BY_SCHEMA: {
  readonly 1: { readonly [K in Schema1EventName]: ObjectFields };
  readonly 2: { readonly [K in EventName]: ObjectFields };
} = { 1: SCHEMA_1_METADATA, 2: SCHEMA_2_METADATA };

/** Metadata of each event of the schema this client writes (2). */
export const METADATA_FIELDS: { readonly [K in EventName]: ObjectFields } = SCHEMA_2_METADATA;

/** A release version: numbers, optional pre-release or development tags, an optional commit hash. */
const VERSION_PATTERN =
  /^\d{1,4}(\.\d{1,6}){0,3}([-.]?(a|b|c|rc|alpha|beta|pre|preview|dev|post|canary|nightly)\.?\d{0,6}){0,2}(\+[0-9a-f]{4,40})?$/;

/** The envelope's fields around the metadata, but for `schema` (`event` and `metadata` are checked per event). */
export const ENVELOPE_FIELDS: ObjectFields = {
  event_id: uuidV4,
  version: {
    type: "string",
    // Numbers with at most two pre-release or development tags and a commit hash: room for
    // every version a release carries, none for a host, user or path name.
    pattern: VERSION_PATTERN,
    hint: "must be a version such as 1.0.1, 1.2.0rc1, 2.0.0-beta.2 or 1.0.1+3f2a9c1",
  },
  platform: { type: "enum", values: PLATFORMS },
  python_version: {
    type: "string",
    pattern: /^\d{1,2}\.\d{1,3}$/,
    hint: "must be major.minor, as 3.11",
    optional: true,
  },
  anonymous_id: uuidV4,
  timestamp: { type: "timestamp" },
};

/**
 * The metadata fields of `event` in schema `schema`, or `undefined` when that
 * schema has no such event.
 *
 * @example
 * ```ts
 * import { metadataFieldsOf } from "./definitions.ts";
 * metadataFieldsOf("policy.evaluated", 1); // undefined
 * Object.keys(metadataFieldsOf("policy.evaluated", 2)!).includes("policies"); // true
 * ```
 */
export function metadataFieldsOf(
  event: string,
  schema: SchemaVersion,
): ObjectFields | undefined {
  const fields: Readonly<Record<string, ObjectFields>> = METADATA_FIELDS_BY_SCHEMA[schema];
  return Object.hasOwn(fields, event) ? fields[event] : undefined;
}

/**
 * Every field of the envelope of one event of one schema, metadata included:
 * the complete strict definition that the checker and the zod schema are
 * made from. Throws `RangeError` when that schema has no such event.
 *
 * @example
 * ```ts
 * import { envelopeFieldsOf } from "./definitions.ts";
 * Object.keys(envelopeFieldsOf("tool.failed")).includes("metadata"); // true
 * envelopeFieldsOf("tool.failed", 1).schema; // { type: "literal", value: 1 }
 * ```
 */
export function envelopeFieldsOf(event: EventName, schema: SchemaVersion = 2): ObjectFields {
  const metadata = metadataFieldsOf(event, schema);
  if (metadata === undefined) throw new RangeError(`schema ${schema} has no event ${event}`);
  return {
    schema: { type: "literal", value: schema },
    ...ENVELOPE_FIELDS,
    event: { type: "enum", values: [event] },
    metadata: { type: "object", fields: metadata },
  };
}
