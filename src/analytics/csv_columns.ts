/**
 * The CSV export's columns, derived from the one event definition.
 *
 * @module
 */

import { EVENT_NAMES, type ObjectFields } from "../events/mod.ts";
import { METADATA_FIELDS } from "../events/mod.ts";

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
 * (nested objects flattened with dots), each once, in definition order. The
 * header is the same whatever the data holds.
 *
 * @example
 * ```ts
 * import { csvColumns } from "./csv_columns.ts";
 * csvColumns().includes("metadata.target_types.repos"); // true
 * ```
 */
export function csvColumns(): string[] {
  const metadata = EVENT_NAMES.flatMap((name) => flatten(METADATA_FIELDS[name], "metadata"));
  return [...ENVELOPE_COLUMNS, ...new Set(metadata)];
}
