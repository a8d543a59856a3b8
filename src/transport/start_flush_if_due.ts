/**
 * The delivery trigger that `track` and the library's `close` share: a
 * detached background flush when one is due and none runs.
 *
 * @module
 */

import { readState } from "../install/mod.ts";
import { oldestSealedMs, processIsAlive } from "../spool/mod.ts";
import { flushDue } from "./flush_due.ts";
import { flusherRunning } from "./flusher_running.ts";
import { type BackgroundFlushOptions, startBackgroundFlush } from "./start_background_flush.ts";

/** What the run knows when it asks. */
export interface FlushTrigger {
  /**
   * The event `track` just recorded (the flush is due at the end of a scan,
   * or once the oldest event waited an hour); absent when a library host's
   * client closes, the end of its run.
   */
  event?: string;
  /** The state folder. */
  home: string;
  /** `JMO_TELEMETRY_DEBUG`: nothing is ever sent. */
  debug: boolean;
  /** This run first showed the notice: its events wait for a later run. */
  holdDelivery: boolean;
  /** Now, in milliseconds since the epoch. */
  nowMs: number;
}

/**
 * Starts a detached `flush --background` when delivery is due (the end of
 * a run or a scan, or an event waiting an hour; not debug, the notice shown
 * in an earlier run, the backoff passed) and no flusher runs; resolves to
 * whether it started one. Whatever goes wrong here is
 * swallowed (a damaged state file, a refused spawn): delivery waits for a
 * later run.
 *
 * @example
 * ```ts
 * import { startFlushIfDue } from "./start_flush_if_due.ts";
 * startFlushIfDue(
 *   { home: "/tmp/jmo-home", debug: false, holdDelivery: false, nowMs: Date.now() },
 *   { cwd: "/tmp" },
 * ); // false: the notice was never shown there
 * ```
 */
export function startFlushIfDue(trigger: FlushTrigger, options: BackgroundFlushOptions): boolean {
  try {
    const { event, home, debug, holdDelivery, nowMs } = trigger;
    const state = readState(home);
    const oldestPendingMs = oldestSealedMs(home);
    if (!flushDue({ event, oldestPendingMs, debug, holdDelivery, state, nowMs })) return false;
    if (flusherRunning(home, nowMs, processIsAlive)) return false;
    startBackgroundFlush(options);
    return true;
  } catch {
    return false;
  }
}
