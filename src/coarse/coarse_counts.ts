/**
 * The publication rule of every public number (the collector's `GET
 * /v1/stats` and the quarterly report): coarse, consistent cells. Each
 * published count is the true count plus a secret offset, rounded down to a
 * step (installs to 5, events to 10); the offset is drawn from a keyed hash
 * (HMAC-SHA256) of the release (`scope`: the collector's day, the report's
 * quarter), the step and the true count, so within a release the same true
 * count is published the same wherever it appears (a total, a group, the
 * share of the groups not shown): publishing one number twice gives no second
 * sample to narrow it with. A group is shown only when its published installs
 * reach 10. Why this reveals nothing exact about one install is written down
 * in the README ("What the public numbers can reveal").
 *
 * @module
 */

import { hmacSha256 } from "../hash/mod.ts";

/** Published installs are multiples of this. */
export const INSTALLS_STEP = 5;
/** Published events are multiples of this. */
export const EVENTS_STEP = 10;
/** A group is published only when its published installs reach this. */
export const MIN_PUBLISHED_INSTALLS = 10;

/** A group's true counts. */
export interface TrueCount {
  key: string;
  events: number;
  installs: number;
}

/** A group as published. */
export interface PublishedCount {
  key: string;
  events: number;
  installs: number;
}

/**
 * One published count: `count` plus the offset that `secret` draws for it in
 * the release `scope` (a whole number below `step`), rounded down to a
 * multiple of `step`. The true count lies in `[published - step + 1,
 * published + step - 1]`, and the reader cannot tell where.
 *
 * @example
 * ```ts
 * import { coarseCount, EVENTS_STEP } from "./coarse_counts.ts";
 * coarseCount(123, EVENTS_STEP, "secret", "2026-Q1"); // 120 or 130
 * ```
 */
export function coarseCount(count: number, step: number, secret: string, scope: string): number {
  const mac = hmacSha256(secret, `${scope}\n${step}\n${count}`);
  const shift = new DataView(mac.buffer).getUint32(0) % step;
  return Math.floor((count + shift) / step) * step;
}

/**
 * The published groups of one release (`scope`: the collector's day, the
 * report's quarter): each count through `coarseCount`, and only groups whose
 * published installs reach `MIN_PUBLISHED_INSTALLS`, in the order given.
 *
 * @example
 * ```ts
 * import { coarseCounts } from "./coarse_counts.ts";
 * coarseCounts([{ key: "Linux", events: 123, installs: 47 }], "secret", "2026-12-06");
 * // [{ key: "Linux", events: 120 or 130, installs: 45 or 50 }]
 * ```
 */
export function coarseCounts(
  groups: readonly TrueCount[],
  secret: string,
  scope: string,
): PublishedCount[] {
  return groups.flatMap((group) => {
    const installs = coarseCount(group.installs, INSTALLS_STEP, secret, scope);
    if (installs < MIN_PUBLISHED_INSTALLS) return [];
    return [{
      key: group.key,
      events: coarseCount(group.events, EVENTS_STEP, secret, scope),
      installs,
    }];
  });
}
