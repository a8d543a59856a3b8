/**
 * The one definition of schema 1: every field of the envelope and of each
 * event's metadata, as plain data. The fast checker (`check_fields.ts`) and
 * the zod schemas (`zod_schemas.ts`) are both generated from it; the
 * collector imports them, it never copies them.
 *
 * @module
 */

import type { FieldSpec, ObjectFields } from "./field_spec.ts";
import {
  ARTIFACTS,
  DURATION_BUCKETS,
  type EventName,
  EXECUTION_MODES,
  FAILURE_TYPES,
  FINDINGS_BUCKETS,
  MODES,
  OUTPUT_FORMATS,
  PLATFORMS,
  PROFILES,
  TARGET_TYPES,
  TOOL_NAME_PATTERN,
} from "./vocabulary.ts";

const count: FieldSpec = { type: "int", min: 0, max: 1_000_000 };
const toolName: FieldSpec = {
  type: "string",
  pattern: TOOL_NAME_PATTERN,
  hint: "must match ^[a-z0-9][a-z0-9._-]{0,39}$",
};
const profile: FieldSpec = { type: "enum", values: PROFILES };
const mode: FieldSpec = { type: "enum", values: MODES };

/** A random UUID version 4, lower or upper case. */
export const UUID_V4_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const uuidV4: FieldSpec = { type: "string", pattern: UUID_V4_PATTERN, hint: "must be a UUID v4" };

/** Metadata of each event: strict objects, so unknown keys, wrong types and values outside an enumeration are refused. */
export const METADATA_FIELDS: { readonly [K in EventName]: ObjectFields } = {
  "scan.started": {
    mode,
    profile,
    tools: { type: "array", items: toolName, maxItems: 100 },
    target_types: {
      type: "object",
      fields: Object.fromEntries(TARGET_TYPES.map((t) => [t, count])),
    },
  },
  "scan.completed": {
    mode,
    profile,
    duration_bucket: { type: "enum", values: DURATION_BUCKETS },
    tools_succeeded: count,
    tools_failed: count,
    total_findings_bucket: { type: "enum", values: FINDINGS_BUCKETS, optional: true },
  },
  "tool.failed": {
    tool: toolName,
    failure_type: { type: "enum", values: FAILURE_TYPES },
    exit_code: { type: "int", min: -2_147_483_648, max: 4_294_967_295, nullable: true },
    profile,
  },
  "wizard.completed": {
    profile_selected: profile,
    execution_mode: { type: "enum", values: EXECUTION_MODES },
    artifact_generated: { type: "enum", values: ARTIFACTS, nullable: true },
    duration_seconds: { type: "int", min: 0, max: 86_400 },
  },
  "report.generated": {
    output_formats: {
      type: "array",
      items: { type: "enum", values: OUTPUT_FORMATS },
      maxItems: OUTPUT_FORMATS.length,
    },
    findings_bucket: { type: "enum", values: FINDINGS_BUCKETS },
    suppressions_used: { type: "boolean" },
    compliance_enabled: { type: "boolean" },
  },
};

/** A release version: numbers, optional pre-release or development tags, an optional commit hash. */
const VERSION_PATTERN =
  /^\d{1,4}(\.\d{1,6}){0,3}([-.]?(a|b|c|rc|alpha|beta|pre|preview|dev|post|canary|nightly)\.?\d{0,6}){0,2}(\+[0-9a-f]{4,40})?$/;

/** The envelope's fields around the metadata (`event` and `metadata` are checked per event). */
export const ENVELOPE_FIELDS: ObjectFields = {
  schema: { type: "literal", value: 1 },
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
 * Every field of the envelope of one event, metadata included: the complete
 * strict definition that the checker and the zod schema are made from.
 *
 * @example
 * ```ts
 * import { envelopeFieldsOf } from "./definitions.ts";
 * Object.keys(envelopeFieldsOf("tool.failed")).includes("metadata"); // true
 * ```
 */
export function envelopeFieldsOf(event: EventName): ObjectFields {
  return {
    ...ENVELOPE_FIELDS,
    event: { type: "enum", values: [event] },
    metadata: { type: "object", fields: METADATA_FIELDS[event] },
  };
}
