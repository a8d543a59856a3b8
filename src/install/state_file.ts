/**
 * `state.json`: the notice shown, the last flush, the backoff schedule and dropped counts.
 *
 * @module
 */

import { mkdirSync } from "node:fs";
import { readRegularFile } from "../fs/read_regular_file.ts";
import { installPaths } from "./install_paths.ts";
import { type LockOptions, withLock } from "./with_lock.ts";
import { writeAtomic } from "./write_atomic.ts";

/** How many events were dropped unsent, by reason, over the life of the install. */
export interface DroppedCounters {
  /** Older than `JMO_TELEMETRY_MAX_AGE_DAYS`. */
  expired: number;
  /** Oldest past the 5 MiB cap. */
  over_cap: number;
  /** Refused by the collector (`400`) and set aside. */
  rejected: number;
  /** Lines a crash or a damaged disk left unreadable. */
  damaged: number;
  /**
   * Refused events later deleted from `spool/rejected/`: set aside longer
   * than `JMO_TELEMETRY_MAX_AGE_DAYS`, or the oldest past its 1 MiB cap.
   * (They were counted in `rejected` when refused.)
   */
  rejected_deleted: number;
}

/**
 * What normalisation changed in recorded events, over the life of the
 * install: the events were kept, these parts of them were not.
 */
export interface NormalisedCounters {
  /** Keys the schema does not know, dropped from recorded events. */
  keys_dropped: number;
  /** Profiles, policies, tools and output formats outside the schema, recorded as `custom` or `other`. */
  values_replaced: number;
}

/** The outcome of the last flush. */
export interface FlushOutcome {
  /** When it ended, UTC. */
  at: string;
  /**
   * `delivered` everything, `partial`, `failed`, `rejected` (nothing sent:
   * every batch was refused and set aside), `debug` (printed, not sent), or
   * `nothing` pending.
   */
  outcome: "delivered" | "partial" | "failed" | "rejected" | "debug" | "nothing";
  /** Events delivered. */
  sent: number;
  /** Events still pending after it. */
  kept: number;
  /** A short reason, as `HTTP 503` or `timeout`; never a token or a path. */
  detail?: string;
}

/** The persisted backoff: consecutive failures and the next due time. */
export interface BackoffState {
  failures: number;
  /** UTC time before which an automatic flush is not started. */
  next_attempt_at: string;
}

/** The event schema versions a collector announced, and when. */
export interface CollectorSchemas {
  /** The collector's endpoint, as `https://telemetry.jmotools.com/v1/events`. */
  endpoint: string;
  /** The versions it accepts. */
  schemas: number[];
  /** When it said so, UTC. */
  at: string;
}

/** Everything in `state.json`. */
export interface TelemetryState {
  /**
   * The notice version last shown, how many times it was shown, and whether
   * delivery is held until the host's next `scan.started` (its first showing
   * through the binary).
   */
  notice?: { version: number; shown: number; held?: boolean };
  last_flush?: FlushOutcome;
  backoff?: BackoffState;
  dropped: DroppedCounters;
  /**
   * Why events were refused (`dropped.rejected`), each reason with its
   * count: the collector's answer, or what the spool reader's check found.
   */
  refusals?: Record<string, number>;
  normalised: NormalisedCounters;
  /** What the collector last announced; events of other versions wait in the spool. */
  collector_schemas?: CollectorSchemas;
}

/**
 * The state of a fresh install.
 *
 * @example
 * ```ts
 * import { emptyState } from "./state_file.ts";
 * emptyState().dropped.rejected_deleted; // 0
 * ```
 */
export function emptyState(): TelemetryState {
  return {
    dropped: { expired: 0, over_cap: 0, rejected: 0, damaged: 0, rejected_deleted: 0 },
    normalised: { keys_dropped: 0, values_replaced: 0 },
  };
}

/**
 * Reads `state.json`; a missing or damaged file, or one that is no regular
 * file, reads as a fresh state.
 *
 * @example
 * ```ts
 * import { readState } from "./state_file.ts";
 * readState("/tmp/jmo-home").dropped.expired; // 0 on a fresh install
 * ```
 */
export function readState(home: string): TelemetryState {
  try {
    const parsed = JSON.parse(readRegularFile(installPaths(home).stateFile));
    const state = emptyState();
    if (typeof parsed !== "object" || parsed === null) return state;
    return {
      ...state,
      ...parsed,
      dropped: { ...state.dropped, ...parsed.dropped },
      normalised: { ...state.normalised, ...parsed.normalised },
    };
  } catch {
    return emptyState();
  }
}

/**
 * Changes `state.json` under the install lock: `change` edits the state it is
 * given; the result is written atomically and returned. `lock` is passed to
 * `withLock` (to hear when the lock is unusable).
 *
 * @example
 * ```ts
 * import { updateState } from "./state_file.ts";
 * updateState("/tmp/jmo-home", (s) => {
 *   s.dropped.expired += 2;
 * });
 * ```
 */
export function updateState(
  home: string,
  change: (state: TelemetryState) => void,
  lock: LockOptions = {},
): TelemetryState {
  const paths = installPaths(home);
  mkdirSync(home, { recursive: true, mode: 0o700 });
  return withLock(paths.lockFile, () => {
    const state = readState(home);
    change(state);
    writeAtomic(paths.stateFile, JSON.stringify(state, null, 2) + "\n");
    return state;
  }, lock);
}
