/**
 * Everything `status` reports, gathered without writing anything (except
 * deleting spooled events when telemetry is off, as every opt-out does).
 *
 * @module
 */

import { readAnonymousId, readScanCount, readState } from "../install/mod.ts";
import type { DroppedCounters, FlushOutcome } from "../install/mod.ts";
import { processIsAlive, summariseSpool } from "../spool/mod.ts";
import { flusherRunning } from "../transport/mod.ts";
import type { ClientCore } from "./client_core.ts";
import { currentConsent } from "./current_consent.ts";

/** The status of the install, as `status --json` prints it. */
export interface StatusReport {
  enabled: boolean;
  /** The deciding rule. */
  reason: string;
  config_path: string;
  /** Why the config file was ignored, when it was. */
  config_problem?: string;
  home: string;
  anonymous_id: string | null;
  scan_count: number;
  pending: { events: number; bytes: number; oldest_age_seconds: number | null };
  rejected_batches: number;
  transport: { kind: "collector" | "gist"; endpoint: string };
  debug: boolean;
  last_flush: FlushOutcome | null;
  /** When the next automatic flush may start; `null` when due now. */
  next_attempt_at: string | null;
  /** Consecutive failed flushes behind the current backoff (0 when none). */
  consecutive_failures: number;
  /** Whether a flusher process is running now. */
  flush_running: boolean;
  dropped: DroppedCounters;
}

/**
 * Gathers the status of the install.
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { readStatus } from "./read_status.ts";
 * readStatus(clientCore({ env: { JMO_HOME: "/tmp/jmo-home" } })).pending.events; // 0
 * ```
 */
export function readStatus(core: ClientCore): StatusReport {
  const { settings } = core;
  const consent = currentConsent(core);
  const spool = summariseSpool(settings.home);
  const state = readState(settings.home);
  const now = core.now().getTime();
  const next = state.backoff?.next_attempt_at;
  const transport = settings.transport;
  return {
    enabled: consent.enabled,
    reason: consent.reason,
    config_path: settings.configPath,
    ...(consent.configProblem ? { config_problem: consent.configProblem } : {}),
    home: settings.home,
    anonymous_id: readAnonymousId(settings.home) ?? null,
    scan_count: readScanCount(settings.home),
    pending: {
      events: spool.events,
      bytes: spool.bytes,
      oldest_age_seconds: spool.oldestMs === undefined
        ? null
        : Math.max(0, Math.round((now - spool.oldestMs) / 1000)),
    },
    rejected_batches: spool.rejectedFiles,
    transport: transport.kind === "gist"
      ? { kind: "gist", endpoint: `${transport.apiBase}/gists/${transport.gistId}` }
      : { kind: "collector", endpoint: transport.endpoint },
    debug: settings.debug,
    last_flush: state.last_flush ?? null,
    next_attempt_at: next !== undefined && Date.parse(next) > now ? next : null,
    consecutive_failures: state.backoff?.failures ?? 0,
    flush_running: flusherRunning(settings.home, now, processIsAlive),
    dropped: state.dropped,
  };
}
