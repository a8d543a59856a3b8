/**
 * Whether `track` should start a background flush: pure, over what the run knows.
 *
 * @module
 */

// The banner file alone, not consent/mod.ts: `track` must not load the YAML parser.
import { noticeAllowsDelivery } from "../consent/banner.ts";
import type { TelemetryState } from "../install/mod.ts";
import { backoffPassed } from "./backoff.ts";

/** What the decision looks at. */
export interface DueFacts {
  /** `JMO_TELEMETRY_DEBUG`: nothing is ever sent. */
  debug: boolean;
  /** This run is the one that first showed the notice: its events wait for a later run. */
  holdDelivery: boolean;
  /** `state.json`: the notice shown and the backoff. */
  state: Pick<TelemetryState, "notice" | "backoff">;
  nowMs: number;
}

/**
 * A flush is due when telemetry is not in debug mode, this run did not just
 * show the notice for the first time, the notice was shown in an earlier
 * run, and the backoff has passed. (Consent is decided before any of this,
 * and a running flusher is checked after, on disk.)
 *
 * @example
 * ```ts
 * import { flushDue } from "./flush_due.ts";
 * flushDue({
 *   debug: false, holdDelivery: false, nowMs: Date.now(),
 *   state: { notice: { version: 2, shown: 1 } },
 * }); // true
 * ```
 */
export function flushDue(facts: DueFacts): boolean {
  return !facts.debug && !facts.holdDelivery && noticeAllowsDelivery(facts.state.notice) &&
    backoffPassed(facts.state.backoff, facts.nowMs);
}
