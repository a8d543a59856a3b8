/**
 * Applying the age limit and the size cap to the spool on disk.
 *
 * @module
 */

import { claimPending, type InvalidLine, type LineCheck, settleClaim } from "./claim.ts";
import type { IsAlive } from "./process_is_alive.ts";
import { planRetention, type RetentionLimits } from "./plan_retention.ts";

/** How many events a retention pass dropped, by reason. */
export interface DroppedCounts {
  expired: number;
  overCap: number;
  damaged: number;
  /** Lines that failed the check, set aside in `rejected/` with their reasons. */
  invalid: InvalidLine[];
}

/**
 * Claims the spool, sets aside lines that fail `check`, drops expired
 * events, then the oldest past the cap, and gives the rest back. Returns
 * what it dropped so the caller can count it.
 *
 * @example
 * ```ts
 * import { enforceRetention } from "./enforce_retention.ts";
 * import { processIsAlive } from "./process_is_alive.ts";
 * enforceRetention("/tmp/jmo-home", {
 *   now: Date.now(), isAlive: processIsAlive,
 *   limits: { maxAgeMs: 30 * 86_400_000, maxBytes: 5 * 1024 * 1024 },
 * });
 * ```
 */
export function enforceRetention(
  home: string,
  options: { now: number; isAlive: IsAlive; limits: RetentionLimits; check?: LineCheck },
): DroppedCounts {
  const claim = claimPending(home, options);
  const plan = planRetention(claim.events, options.now, options.limits);
  settleClaim(claim, (e) => !plan.expired.has(e.eventId) && !plan.overCap.has(e.eventId));
  return {
    expired: plan.expired.size,
    overCap: plan.overCap.size,
    damaged: claim.damaged,
    invalid: claim.invalid,
  };
}
