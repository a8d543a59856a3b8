/**
 * NDJSON texts to a collection of valid, distinct events.
 *
 * @module
 */

import { validateEnvelope } from "../events/mod.ts";
import type { Collection, SourceText } from "./collected_event.ts";

function parseLine(line: string): { value: Record<string, unknown> } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { reason: "not JSON" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { reason: "not a JSON object" };
  }
  return { value: value as Record<string, unknown> };
}

/** The collector's `received_at`: UTC with milliseconds; nothing else may reach a CSV cell through it. */
const RECEIVED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function isReceivedAt(value: unknown): value is string {
  return typeof value === "string" && RECEIVED_AT.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Reads NDJSON texts into one collection. Each line is checked with the
 * client's own strict validator (`received_at`, which the collector's export
 * adds, is taken aside first); a line that is not a valid event is skipped
 * and counted, never fatal; an `event_id` already read counts once (the first
 * line wins). Blank lines are ignored.
 *
 * @example
 * ```ts
 * import { collectEvents } from "@jmo/telemetry/analytics";
 * const c = collectEvents([{ origin: "events.jsonl", text: '{"event":"scan.started"}\n' }]);
 * c.events.length; // 0
 * c.invalid[0].lineNumber; // 1
 * ```
 */
export function collectEvents(texts: readonly SourceText[]): Collection {
  const collection: Collection = { events: [], invalid: [], duplicates: 0 };
  const seen = new Set<string>();
  for (const { origin, text } of texts) {
    text.split("\n").forEach((raw, index) => {
      const line = raw.trim();
      if (line === "") return;
      const skip = (reason: string) =>
        collection.invalid.push({ origin, lineNumber: index + 1, reason });
      const parsed = parseLine(line);
      if ("reason" in parsed) return skip(parsed.reason);
      const { received_at: receivedAt, ...envelope } = parsed.value;
      if (receivedAt !== undefined && !isReceivedAt(receivedAt)) {
        return skip("received_at must be a UTC time, as the collector writes it");
      }
      const result = validateEnvelope(envelope);
      if (!result.ok) return skip(result.error.message);
      const id = result.envelope.event_id.toLowerCase();
      if (seen.has(id)) {
        collection.duplicates += 1;
        return;
      }
      seen.add(id);
      collection.events.push({
        envelope: result.envelope,
        line,
        ...(receivedAt === undefined ? {} : { receivedAt }),
      });
    });
  }
  return collection;
}
