/**
 * How an envelope is laid out in the `events` table, and how the exact
 * envelope is rebuilt from a row for the export.
 *
 * @module
 */

import type { Envelope } from "../../src/events/mod.ts";
import type { D1Value } from "./env.ts";

/** The columns written for each event, in the order of `eventRow`. */
export const EVENT_COLUMNS = [
  "event_id",
  "schema",
  "event_type",
  "version",
  "platform",
  "python_version",
  "anonymous_id",
  "timestamp",
  "metadata",
  "received_at",
] as const;

/** A row as read back for the export. */
export interface StoredEvent {
  id: number;
  event_id: string;
  schema: number;
  event_type: string;
  version: string;
  platform: string;
  python_version: string | null;
  anonymous_id: string;
  timestamp: string;
  metadata: string;
  received_at: string;
}

/**
 * The values of one validated envelope, in `EVENT_COLUMNS` order. Metadata is
 * stored as the JSON text of the validated object, whose keys follow the schema.
 *
 * @example
 * ```ts
 * import { eventRow } from "./event_rows.ts";
 * import { buildEvent } from "../../src/events/mod.ts";
 * const e = buildEvent({ event: "report.generated", metadata: { output_formats: ["json"],
 *   findings_bucket: "0", suppressions_used: false, compliance_enabled: false } },
 *   { eventId: crypto.randomUUID(), anonymousId: crypto.randomUUID(), now: new Date(),
 *     platform: "Linux", defaultVersion: "1.0.0", defaultMode: "cli" });
 * eventRow(e, "2025-10-19T14:48:00.000Z").length; // 10
 * ```
 */
export function eventRow(envelope: Envelope, receivedAt: string): D1Value[] {
  return [
    envelope.event_id,
    envelope.schema,
    envelope.event,
    envelope.version,
    envelope.platform,
    envelope.python_version ?? null,
    envelope.anonymous_id,
    envelope.timestamp,
    JSON.stringify(envelope.metadata),
    receivedAt,
  ];
}

/**
 * One NDJSON line of the export: the envelope as received, keys in the
 * schema's order, plus `received_at`; no newline.
 *
 * @example
 * ```ts
 * import { exportLine } from "./event_rows.ts";
 * exportLine({ id: 1, event_id: "e", schema: 1, event_type: "scan.started", version: "1.0.0",
 *   platform: "Linux", python_version: null, anonymous_id: "a", timestamp: "t",
 *   metadata: "{}", received_at: "r" });
 * // '{"schema":1,"event_id":"e","event":"scan.started",...,"metadata":{},"received_at":"r"}'
 * ```
 */
export function exportLine(row: StoredEvent): string {
  return JSON.stringify({
    schema: row.schema,
    event_id: row.event_id,
    event: row.event_type,
    version: row.version,
    platform: row.platform,
    ...(row.python_version === null ? {} : { python_version: row.python_version }),
    anonymous_id: row.anonymous_id,
    timestamp: row.timestamp,
    metadata: JSON.parse(row.metadata),
    received_at: row.received_at,
  });
}
