/**
 * Selecting events by their own time.
 *
 * @module
 */

import type { CollectedEvent } from "./collected_event.ts";

/**
 * The events whose `timestamp` is at or after `from` and before `to` (either
 * bound may be left out).
 *
 * @example
 * ```ts
 * import { eventsBetween } from "@jmo/telemetry/analytics";
 * // eventsBetween(collection.events, { from: quarter.start, to: quarter.end });
 * ```
 */
export function eventsBetween(
  events: readonly CollectedEvent[],
  bounds: { from?: Date; to?: Date },
): CollectedEvent[] {
  const from = bounds.from?.getTime() ?? -Infinity;
  const to = bounds.to?.getTime() ?? Infinity;
  return events.filter((e) => {
    const t = Date.parse(e.envelope.timestamp);
    return t >= from && t < to;
  });
}
