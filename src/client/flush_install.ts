/**
 * A flush of this install, with consent decided first: what the `flush`
 * command and the library's `client.flush()` share.
 *
 * @module
 */

import process from "node:process";
// The banner file alone, not consent/mod.ts: flushing must not load the YAML parser.
import { noticeAllowsDelivery } from "../consent/banner.ts";
import { readState } from "../install/mod.ts";
import { pendingEvents, processIsAlive } from "../spool/mod.ts";
import {
  combineFlushReports,
  emptyFlushReport,
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
  /** The caller's own run showed the notice for the first time: nothing is sent before a later run. */
  noticeShownThisRun?: boolean;
}

/** Why nothing is sent before the notice: the `detail` of outcome `notice`. */
const NOTICE_NOT_SHOWN =
  "waiting for the first-run notice, never shown on this install; it shows with the next scan.started";

/**
 * Decides consent (an opt-out deletes what is spooled and sends nothing:
 * outcome `off`, the deciding rule in `detail`), then holds everything while
 * the first-run notice was never shown on this install (the notice comes
 * before the first send: outcome `notice`, every pending event kept; debug
 * output, which sends nothing, still prints), then flushes the spool.
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
  const noticeFirst = request.noticeShownThisRun === true ||
    !noticeAllowsDelivery(readState(settings.home).notice);
  if (!settings.debug && noticeFirst) {
    const kept = pendingEvents(settings.home).length;
    if (kept === 0) return emptyFlushReport(settings.transport, "nothing");
    return { ...emptyFlushReport(settings.transport, "notice"), kept, detail: NOTICE_NOT_SHOWN };
  }
  const timeoutMs = request.timeoutMs ?? settings.timeoutMs;
  const background = request.background ?? false;
  const options = {
    home: settings.home,
    transport: settings.transport,
    timeoutMs,
    maxAgeMs: settings.maxAgeMs,
    debug: settings.debug,
    background,
    now: core.now,
    random: Math.random,
    fetch: request.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init)),
    isAlive: processIsAlive,
    pid: process.pid,
    onDebug: request.onDebug,
  };
  let report = await flushSpool(options);
  if (background || report.outcome === "debug") return report;
  // Events that another flush still holds are pending too: a flush by hand
  // lets that flush end, sends what it left, and never reports "nothing".
  const held = () => pendingEvents(settings.home).length - report.kept;
  if (held() > 0) {
    const deadline = Date.now() + 4 * timeoutMs;
    while (held() > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    report = combineFlushReports(report, await flushSpool(options));
  }
  const stillHeld = held();
  if (stillHeld <= 0) return report;
  return {
    ...report,
    outcome: report.outcome === "nothing" ? "waiting" : report.outcome,
    kept: report.kept + stillHeld,
    detail: report.detail ?? `${stillHeld} held by another flush still running`,
  };
}
