/**
 * A flush of this install, with consent decided first: what the `flush`
 * command and the library's `client.flush()` share.
 *
 * @module
 */

import process from "node:process";
import { pendingEvents, processIsAlive } from "../spool/mod.ts";
import {
  emptyFlushReport,
  flusherRunning,
  type FlushReport,
  flushSpool,
} from "../transport/mod.ts";
import type { ClientCore } from "./client_core.ts";
import { currentConsent } from "./current_consent.ts";

/** How to flush. */
export interface FlushRequest {
  /** Wait out the backoff and yield to a running flusher, as `track`'s background flush does. */
  background?: boolean;
  /** Milliseconds one request may take (default `JMO_TELEMETRY_TIMEOUT_SECONDS`). */
  timeoutMs?: number;
  /** The fetch to use (default the global one, which honours the proxy variables). */
  fetch?: typeof fetch;
  /** Receives each batch as it would be sent, when `JMO_TELEMETRY_DEBUG` is on. */
  onDebug?: (text: string) => void;
}

/**
 * Decides consent (an opt-out deletes what is spooled and sends nothing:
 * outcome `off`, the deciding rule in `detail`), then flushes the spool.
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { flushInstall } from "./flush_install.ts";
 * const report = await flushInstall(clientCore({ env: { JMO_HOME: "/tmp/jmo-home" } }));
 * report.kept; // 0 when everything was delivered
 * ```
 */
export async function flushInstall(
  core: ClientCore,
  request: FlushRequest = {},
): Promise<FlushReport> {
  const { settings } = core;
  const consent = currentConsent(core);
  if (!consent.enabled) {
    return { ...emptyFlushReport(settings.transport, "off"), detail: consent.reason };
  }
  const timeoutMs = request.timeoutMs ?? settings.timeoutMs;
  const background = request.background ?? false;
  if (!background) await waitForRunningFlusher(settings.home, Date.now() + 4 * timeoutMs);
  const report = await flushSpool({
    home: settings.home,
    transport: settings.transport,
    timeoutMs,
    maxAgeMs: settings.maxAgeMs,
    debug: settings.debug,
    background,
    now: core.now,
    random: Math.random,
    fetch: request.fetch ?? ((input, init) => fetch(input, init)),
    isAlive: processIsAlive,
    pid: process.pid,
    onDebug: request.onDebug,
  });
  if (background || report.outcome === "debug") return report;
  // Events a flusher still running holds are pending too: say so, never "nothing".
  const held = pendingEvents(settings.home).length - report.kept;
  if (held <= 0) return report;
  return {
    ...report,
    outcome: report.outcome === "nothing" ? "waiting" : report.outcome,
    kept: report.kept + held,
    detail: report.detail ?? `${held} held by a background flush still running`,
  };
}

/**
 * A flush by hand first lets a background flush that is running finish, so
 * that it reports on everything pending rather than on what was left.
 */
async function waitForRunningFlusher(home: string, deadlineMs: number): Promise<void> {
  while (flusherRunning(home, Date.now(), processIsAlive) && Date.now() < deadlineMs) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
