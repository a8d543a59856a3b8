/**
 * Counting what a retention pass dropped in `state.json`'s counters.
 *
 * @module
 */

import { recordRefusals, type TelemetryState } from "../install/mod.ts";
import type { DroppedCounts } from "../spool/mod.ts";

/**
 * Adds what a retention pass dropped to `state`: expired, over the cap and
 * damaged events to their counters, and lines that are no valid event as
 * refused, with their reasons.
 *
 * @example
 * ```ts
 * import { emptyState } from "../install/mod.ts";
 * import { countDropped } from "./count_dropped.ts";
 * const state = emptyState();
 * countDropped(state, { expired: 2, overCap: 0, damaged: 1, invalid: [] });
 * state.dropped.expired; // 2
 * ```
 */
export function countDropped(state: TelemetryState, dropped: DroppedCounts): void {
  state.dropped.expired += dropped.expired;
  state.dropped.over_cap += dropped.overCap;
  state.dropped.damaged += dropped.damaged;
  recordRefusals(state, dropped.invalid.map((i) => `invalid in the spool: ${i.reason}`));
}
