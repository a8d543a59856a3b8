/**
 * The retry schedule after a failed delivery: exponential, with full jitter,
 * between one minute and a day. Pure: the caller passes the clock and the dice.
 *
 * @module
 */

import type { BackoffState } from "../install/mod.ts";
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS } from "./backoff.ts";

/**
 * How long to wait after the `failures`-th consecutive failure: a uniform
 * draw between one minute and a ceiling that doubles with each failure
 * (2 min, 4 min, ... up to 24 h), so that many installs failing together do
 * not come back together. A server's `Retry-After` is a floor; 24 h is the cap.
 *
 * @example
 * ```ts
 * import { backoffDelay } from "./next_backoff.ts";
 * backoffDelay(1, () => 0); // 60_000
 * backoffDelay(1, () => 1); // 120_000
 * backoffDelay(1, () => 0, 3_600_000); // 3_600_000
 * ```
 */
export function backoffDelay(failures: number, random: () => number, retryAfterMs = 0): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(1, failures));
  const jittered = BACKOFF_MIN_MS + random() * (ceiling - BACKOFF_MIN_MS);
  return Math.min(BACKOFF_MAX_MS, Math.max(jittered, retryAfterMs));
}

/**
 * The backoff to persist after one more failure.
 *
 * @example
 * ```ts
 * import { nextBackoff } from "./next_backoff.ts";
 * nextBackoff(undefined, Date.parse("2026-01-01T00:00:00Z"), () => 0);
 * // { failures: 1, next_attempt_at: "2026-01-01T00:01:00.000Z" }
 * ```
 */
export function nextBackoff(
  previous: BackoffState | undefined,
  nowMs: number,
  random: () => number,
  retryAfterMs?: number,
): BackoffState {
  const failures = (previous?.failures ?? 0) + 1;
  const delay = backoffDelay(failures, random, retryAfterMs);
  return { failures, next_attempt_at: new Date(nowMs + delay).toISOString() };
}
