/**
 * Which spooled events expire or no longer fit: pure arithmetic over ages and sizes.
 *
 * @module
 */

/** The spool's limits. */
export interface RetentionLimits {
  /** Events older than this are dropped unsent. */
  maxAgeMs: number;
  /** The spool holds at most this many bytes; past it the oldest go first. */
  maxBytes: number;
}

/** The default cap of the spool: 5 MiB. */
export const MAX_SPOOL_BYTES = 5 * 1024 * 1024;

/** The outcome of a retention pass: ids of events to drop, by reason. */
export interface RetentionPlan {
  expired: Set<string>;
  overCap: Set<string>;
}

/**
 * Plans retention: events older than `maxAgeMs` expire; then, if the rest
 * still exceeds `maxBytes`, the oldest are dropped until it fits.
 *
 * @example
 * ```ts
 * import { planRetention } from "./plan_retention.ts";
 * const plan = planRetention(
 *   [{ eventId: "a", timestampMs: 0, bytes: 10 }, { eventId: "b", timestampMs: 9_000, bytes: 10 }],
 *   10_000,
 *   { maxAgeMs: 5_000, maxBytes: 1_000 },
 * );
 * [...plan.expired]; // ["a"]
 * ```
 */
export function planRetention(
  events: readonly { eventId: string; timestampMs: number; bytes: number }[],
  now: number,
  limits: RetentionLimits,
): RetentionPlan {
  const expired = new Set<string>();
  const overCap = new Set<string>();
  const live = [];
  let total = 0;
  for (const event of events) {
    if (now - event.timestampMs > limits.maxAgeMs) {
      expired.add(event.eventId);
    } else {
      live.push(event);
      total += event.bytes;
    }
  }
  live.sort((a, b) => a.timestampMs - b.timestampMs);
  for (const event of live) {
    if (total <= limits.maxBytes) break;
    overCap.add(event.eventId);
    total -= event.bytes;
  }
  return { expired, overCap };
}
