/**
 * What a retention pass made now would drop, found by reading only: `status`
 * reports the spool as a flush would find it without claiming anything, so
 * that the claim code stays with the delivery code.
 *
 * @module
 */

import { claimableSegments } from "./abandoned.ts";
import type { LineCheck } from "./claim.ts";
import type { DroppedCounts } from "./enforce_retention.ts";
import { planRetention, type RetentionLimits } from "./plan_retention.ts";
import type { IsAlive } from "./process_is_alive.ts";
import { readSegment, type SpooledEvent } from "./read_segment.ts";

/** The outcome `enforceRetention` would have now, and what it would leave. */
export interface RetentionPreview {
  /** What it would drop, by reason. */
  dropped: DroppedCounts;
  /** Files it would add to `rejected/`: each unreadable segment, and one for the invalid lines. */
  setAside: number;
  /** The events each segment it would claim keeps, by the segment's path. */
  kept: Map<string, SpooledEvent[]>;
}

/**
 * Reads the segments a claim would take now (`claimableSegments`), checks
 * their lines and plans retention over them as `enforceRetention` does,
 * changing nothing on disk.
 *
 * @example
 * ```ts
 * import { previewRetention } from "./preview_retention.ts";
 * import { processIsAlive } from "./process_is_alive.ts";
 * previewRetention("/tmp/jmo-home", {
 *   now: Date.now(), isAlive: processIsAlive,
 *   limits: { maxAgeMs: 30 * 86_400_000, maxBytes: 5 * 1024 * 1024 },
 * }).dropped.expired; // 0 for an empty spool
 * ```
 */
export function previewRetention(
  home: string,
  options: { now: number; isAlive: IsAlive; limits: RetentionLimits; check?: LineCheck },
): RetentionPreview {
  const dropped: DroppedCounts = { expired: 0, overCap: 0, damaged: 0, invalid: [] };
  let setAside = 0;
  const valid = new Map<string, SpooledEvent[]>();
  for (const path of claimableSegments(home, options.now, options.isAlive)) {
    const content = readSegment(path);
    dropped.damaged += content.damaged;
    if (content.unreadable) {
      setAside += 1;
      continue;
    }
    const events: SpooledEvent[] = [];
    for (const event of content.events) {
      const reason = options.check?.(event.value);
      if (reason === undefined) events.push(event);
      else dropped.invalid.push({ line: event.line, reason });
    }
    valid.set(path, events);
  }
  if (dropped.invalid.length > 0) setAside += 1;
  const plan = planRetention([...valid.values()].flat(), options.now, options.limits);
  dropped.expired = plan.expired.size;
  dropped.overCap = plan.overCap.size;
  const stays = (event: SpooledEvent) =>
    !plan.expired.has(event.eventId) && !plan.overCap.has(event.eventId);
  const kept = new Map([...valid].map(([path, events]) => [path, events.filter(stays)]));
  return { dropped, setAside, kept };
}
