/**
 * The retry window after a failed delivery: its bounds, and whether it has
 * passed (what `track` and `close` ask before starting a flush). The schedule
 * itself is in `next_backoff.ts`, with the delivery code.
 *
 * @module
 */

import type { BackoffState } from "../install/mod.ts";

/** The shortest wait after a failure. */
export const BACKOFF_MIN_MS = 60_000;
/** The longest wait, whatever the failure count or the server's `Retry-After`. */
export const BACKOFF_MAX_MS = 24 * 3_600_000;

/**
 * Whether an automatic flush may start now under the persisted backoff. A
 * damaged time, or one further away than the longest wait, does not hold it.
 *
 * @example
 * ```ts
 * import { backoffPassed } from "./backoff.ts";
 * backoffPassed(undefined, Date.now()); // true
 * backoffPassed({ failures: 1, next_attempt_at: "2999-01-01T00:00:00Z" }, Date.now()); // false
 * ```
 */
export function backoffPassed(backoff: BackoffState | undefined, nowMs: number): boolean {
  if (backoff === undefined) return true;
  const next = Date.parse(backoff.next_attempt_at);
  // A time beyond the longest wait means the clock moved back: do not wait on it.
  return Number.isNaN(next) || next <= nowMs || next - nowMs > BACKOFF_MAX_MS;
}
