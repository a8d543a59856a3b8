/**
 * Whether `track` should start a background flush: pure, over what the run knows.
 *
 * @module
 */

// The banner file alone, not consent/mod.ts: `track` must not load the YAML parser.
import { noticeAllowsDelivery } from "../consent/banner.ts";
import type { TelemetryState } from "../install/mod.ts";
import { backoffPassed } from "./backoff.ts";

/**
 * A background flush also starts, whatever the event, once the oldest
 * sealed event has waited this long: a host that records no
 * `scan.completed` still delivers, in batches of at most an hour.
 */
export const FLUSH_AFTER_MS = 60 * 60_000;

/** The event that ends a host's scan: `track` starts the scan's one background flush after it. */
export const SCAN_END_EVENT = "scan.completed";

/** What the decision looks at. */
export interface DueFacts {
  /** The event `track` just recorded; absent at the end of a library host's run (its `close`). */
  event?: string;
  /** When the oldest sealed segment was made (ms), `undefined` when none. */
  oldestPendingMs: number | undefined;
  /** `JMO_TELEMETRY_DEBUG`: nothing is ever sent. */
  debug: boolean;
  /** This run is the one that first showed the notice: its events wait for a later run. */
  holdDelivery: boolean;
  /** `state.json`: the notice shown and the backoff. */
  state: Pick<TelemetryState, "notice" | "backoff">;
  nowMs: number;
}

/**
 * A flush is due at the end of a scan (`scan.completed`) or of a library
 * host's run (no event: its client closes), or at any event once the
 * oldest sealed event waited `FLUSH_AFTER_MS`, when telemetry is
 * not in debug mode, the notice was shown in an earlier run and no longer
 * holds delivery, and the backoff has passed. So a scan costs at most one
 * background process and, for up to 500 events, one request. (Consent is
 * decided before any of this, and a running flusher is checked after, on disk.)
 *
 * @example
 * ```ts
 * import { flushDue } from "./flush_due.ts";
 * flushDue({
 *   event: "scan.completed", oldestPendingMs: undefined,
 *   debug: false, holdDelivery: false, nowMs: Date.now(),
 *   state: { notice: { version: 2, shown: 1 } },
 * }); // true
 * ```
 */
export function flushDue(facts: DueFacts): boolean {
  const timely = facts.event === undefined || facts.event === SCAN_END_EVENT ||
    (facts.oldestPendingMs !== undefined && facts.nowMs - facts.oldestPendingMs >= FLUSH_AFTER_MS);
  return timely && !facts.debug && !facts.holdDelivery &&
    noticeAllowsDelivery(facts.state.notice) && backoffPassed(facts.state.backoff, facts.nowMs);
}
