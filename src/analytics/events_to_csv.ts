/**
 * The CSV export (RFC 4180).
 *
 * @module
 */

import type { CollectedEvent } from "./collected_event.ts";
import { csvColumns } from "./csv_columns.ts";

/**
 * One CSV field: `null` and absent values are empty, arrays are joined with
 * `;`, and a field holding a comma, a quote, CR or LF is quoted with its
 * quotes doubled (RFC 4180).
 *
 * @example
 * ```ts
 * import { csvField } from "@jmo/telemetry/analytics";
 * csvField(["trivy", "semgrep"]); // "trivy;semgrep"
 * csvField('say "hi", twice'); // '"say ""hi"", twice"'
 * csvField(null); // ""
 * ```
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = Array.isArray(value) ? value.map(String).join(";") : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function valueAt(record: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of path) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/**
 * The events as CSV: a header row of `csvColumns()`, then one row per event,
 * lines ended by CRLF as RFC 4180 says.
 *
 * @example
 * ```ts
 * import { eventsToCsv } from "@jmo/telemetry/analytics";
 * eventsToCsv([]).startsWith("schema,event_id,event,"); // true
 * ```
 */
export function eventsToCsv(events: readonly CollectedEvent[]): string {
  const columns = csvColumns();
  const paths = columns.map((column) => column.split("."));
  const rows = events.map(({ envelope, receivedAt }) => {
    const record = { ...envelope, received_at: receivedAt } as Record<string, unknown>;
    return paths.map((path) => csvField(valueAt(record, path))).join(",");
  });
  return [columns.join(","), ...rows].map((row) => row + "\r\n").join("");
}
