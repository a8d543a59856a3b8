/**
 * Counting refused events in `state.json`, with their reasons.
 *
 * @module
 */

import type { TelemetryState } from "./state_file.ts";

/** At most this many distinct reasons are kept; later new ones count under "other reasons". */
const MAX_REASONS = 20;

/**
 * Adds refused events to `state.dropped.rejected` and each one's reason to
 * `state.refusals` (at most 20 distinct reasons; past that, "other reasons").
 *
 * @example
 * ```ts
 * import { recordRefusals } from "./record_refusals.ts";
 * import { emptyState } from "./state_file.ts";
 * const state = emptyState();
 * recordRefusals(state, ["HTTP 400", "HTTP 400"]);
 * state.refusals; // { "HTTP 400": 2 }
 * ```
 */
export function recordRefusals(state: TelemetryState, reasons: readonly string[]): void {
  if (reasons.length === 0) return;
  state.dropped.rejected += reasons.length;
  const counts = state.refusals ?? {};
  for (const reason of reasons) {
    const key = reason in counts || Object.keys(counts).length < MAX_REASONS
      ? reason
      : "other reasons";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  state.refusals = counts;
}
