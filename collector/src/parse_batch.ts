/**
 * Turns a request body into validated envelopes, or into the refusal of the
 * whole request. Every event must be of an accepted schema version and pass
 * the checker the client itself runs, generated from the one event
 * definition in `src/events` (it names the offending field the way the
 * client's own refusals do), and must not be stamped more than a day ahead
 * of the collector's clock; one invalid event refuses the request, so
 * nothing of it is stored. An event of a schema this collector does not
 * accept is named by its field `schema`, so a client can tell a too-new
 * schema from a bad event.
 *
 * @module
 */

import { type Envelope, validateEnvelope } from "../../src/events/mod.ts";
import { MAX_EVENTS_PER_REQUEST, MAX_FUTURE_SKEW_MS } from "./limits.ts";

/** Where one refused event of the request is wrong. */
export interface InvalidEvent {
  /** Position in `events` (0 for a bare envelope). */
  index: number;
  /** Dotted path of the offending field, as `metadata.tool`; empty for the event itself. */
  field: string;
  /** What is wrong with it. */
  reason: string;
}

/**
 * The envelopes of an acceptable request, or why the request is refused: `400`
 * always lists the invalid events (none when the body itself is wrong).
 */
export type BatchParse =
  | { ok: true; envelopes: Envelope[] }
  | { ok: false; status: 400; error: string; details: InvalidEvent[] }
  | { ok: false; status: 413; error: string };

function badBody(error: string): BatchParse & { ok: false } {
  return { ok: false, status: 400, error, details: [] };
}

const FUTURE_REASON = "must not be more than a day ahead of the collector's clock";

const BODY_SHAPE = 'body must be {"events":[...]} or one event object';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function decodeJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function batchItems(value: unknown): { ok: true; items: unknown[] } | BatchParse & { ok: false } {
  if (!isPlainObject(value)) return badBody(BODY_SHAPE);
  if (!Object.hasOwn(value, "events")) return { ok: true, items: [value] };
  const extra = Object.keys(value).find((key) => key !== "events");
  if (extra !== undefined) {
    return badBody(`${BODY_SHAPE}: unexpected key beside "events"`);
  }
  const events = value.events;
  if (!Array.isArray(events)) {
    return badBody('"events" must be an array');
  }
  if (events.length > MAX_EVENTS_PER_REQUEST) {
    return {
      ok: false,
      status: 413,
      error: `at most ${MAX_EVENTS_PER_REQUEST} events per request`,
    };
  }
  return { ok: true, items: events };
}

/**
 * Parses and validates a request body: `{"events":[...]}` (at most 500) or one
 * bare envelope, each of one of the `schemas` versions (default: all).
 * Malformed JSON or any invalid event (including one stamped more than a day
 * after `now`) gives `400` with the index, field and reason of each invalid
 * event; too many events give `413`.
 *
 * @example
 * ```ts
 * import { parseBatch } from "./parse_batch.ts";
 * const r = parseBatch(new TextEncoder().encode('{"events":[{"event":"scan.started"}]}'), new Date());
 * r.ok; // false
 * !r.ok && r.details?.[0].index; // 0
 * ```
 */
export function parseBatch(
  bytes: Uint8Array,
  now: Date,
  schemas?: readonly number[],
): BatchParse {
  const decoded = decodeJson(bytes);
  if (!decoded.ok) return badBody("malformed JSON");
  const batch = batchItems(decoded.value);
  if (!batch.ok) return batch;
  const envelopes: Envelope[] = [];
  const details: InvalidEvent[] = [];
  const latest = now.getTime() + MAX_FUTURE_SKEW_MS;
  batch.items.forEach((item, index) => {
    const result = validateEnvelope(item, { schemas });
    if (!result.ok) {
      details.push({ index, field: result.error.field, reason: result.error.reason });
    } else if (Date.parse(result.envelope.timestamp) > latest) {
      details.push({ index, field: "timestamp", reason: FUTURE_REASON });
    } else envelopes.push(result.envelope);
  });
  if (details.length > 0) {
    return {
      ok: false,
      status: 400,
      error: `${details.length} invalid event(s); nothing of this request was stored`,
      details,
    };
  }
  return { ok: true, envelopes };
}
