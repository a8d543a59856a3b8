/**
 * The CSV export's columns, derived from the one event definition.
 *
 * @module
 */

import { METADATA_FIELDS_BY_SCHEMA, type ObjectFields, SCHEMA_VERSIONS } from "../events/mod.ts";

/** The envelope's columns, in wire order, with the collector's `received_at`. */
export const ENVELOPE_COLUMNS = [
  "schema",
  "event_id",
  "event",
  "version",
  "platform",
  "python_version",
  "anonymous_id",
  "timestamp",
  "received_at",
] as const;

function flatten(fields: ObjectFields, prefix: string): string[] {
  return Object.entries(fields).flatMap(([key, spec]) =>
    spec.type === "object" ? flatten(spec.fields, `${prefix}.${key}`) : [`${prefix}.${key}`]
  );
}

/**
 * Every column: the envelope's, then one per metadata field of every event
 * of every schema (nested objects flattened with dots), each once, in
 * definition order, the newest schema first. The header is the same whatever
 * the data holds.
 *
 * @example
 * ```ts
 * import { csvColumns } from "@jmo/telemetry/analytics";
 * csvColumns().includes("metadata.target_types.repos"); // true
 * ```
 */
export function csvColumns(): string[] {
  const metadata = [...SCHEMA_VERSIONS].reverse().flatMap((schema) =>
    Object.values(METADATA_FIELDS_BY_SCHEMA[schema]).flatMap((fields: ObjectFields) =>
      flatten(fields, "metadata")
    )
  );
  return [...ENVELOPE_COLUMNS, ...new Set(metadata)];
}
