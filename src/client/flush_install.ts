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
import type { Settings } from "../settings/mod.ts";
import { heldByFlushers, pendingEvents, processIsAlive } from "../spool/mod.ts";
import {
  combineFlushReports,
  emptyFlushReport,
  type FlushReport,
  flushSpool,
  proxyFetch,
} from "../transport/mod.ts";
import type { ClientCore } from "./client_core.ts";
import { currentConsent } from "./current_consent.ts";

/** How to flush. */
export interface FlushRequest {
  /** Wait out the backoff and yield to a running flusher, as `track`'s background flush does. */
  background?: boolean;
  /** Milliseconds one request may take (default `JMO_TELEMETRY_TIMEOUT_SECONDS`). */
  timeoutMs?: number;
  /** The fetch to use (default the runtime's, honouring the proxy variables: `proxyFetch`). */
  fetch?: typeof fetch;
  /** Receives each batch as it would be sent, when `JMO_TELEMETRY_DEBUG` is on. */
  onDebug?: (text: string) => void;
  /** The caller's own run showed the notice for the first time: nothing is sent before a later run. */
  noticeShownThisRun?: boolean;
}

/** Why nothing is sent before the notice: the `detail` of outcome `notice`. */
const NOTICE_SHOWN_THIS_RUN =
  "the first-run notice was shown in this run: its events wait for a later run";
const NOTICE_NOT_SHOWN =
  "waiting for the first-run notice, never shown on this install; it shows with the next scan.started";
/** The `detail` of outcome `notice` while the binary's first showing holds delivery for the next scan. */
export const NOTICE_HELD =
  "the first-run notice was shown at the host's last scan.started: nothing is sent before its next scan.started";

/** Sends nothing and keeps every pending event, for `detail`'s reason (`nothing` when none is pending). */
function keepAll(settings: Settings, outcome: "notice" | "failed", detail: string): FlushReport {
  const kept = pendingEvents(settings.home).length;
  if (kept === 0) return emptyFlushReport(settings.transport, "nothing");
  return { ...emptyFlushReport(settings.transport, outcome), kept, detail };
}

/**
 * Decides consent (an opt-out deletes what is spooled and sends nothing:
 * outcome `off`, the deciding rule in `detail`), then holds everything while
 * the first-run notice was never shown on this install (the notice comes
 * before the first send: outcome `notice`, every pending event kept; debug
 * output, which sends nothing, still prints), then, unless the URL batches
 * go to is not http(s) (outcome `failed`, every pending event kept, the
 * setting to fix in `detail`), flushes the spool.
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
  if (!settings.debug && request.noticeShownThisRun === true) {
    return keepAll(settings, "notice", NOTICE_SHOWN_THIS_RUN);
  }
  const notice = readState(settings.home).notice;
  if (!settings.debug && !noticeAllowsDelivery(notice)) {
    return keepAll(settings, "notice", notice?.held === true ? NOTICE_HELD : NOTICE_NOT_SHOWN);
  }
  if (!settings.debug && settings.deliveryProblem !== undefined) {
    return keepAll(settings, "failed", settings.deliveryProblem);
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
    fetch: request.fetch ?? proxyFetch(core.env),
    isAlive: processIsAlive,
    pid: process.pid,
    onDebug: request.onDebug,
  };
  let report = await flushSpool(options);
  if (background || report.outcome === "debug") return report;
  // Events that another flush still holds are pending too: a flush by hand
  // lets that flush end, sends what it left, and never reports "nothing".
  // A running library host's open segment is no flush's: it is not waited for.
  const home = settings.home;
  if (heldByFlushers(home) > 0) {
    const deadline = Date.now() + 4 * timeoutMs;
    while (heldByFlushers(home) > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    report = combineFlushReports(report, await flushSpool(options));
  }
  const elsewhere = pendingEvents(home).length - report.kept;
  if (elsewhere <= 0) return report;
  const held = heldByFlushers(home);
  return {
    ...report,
    outcome: report.outcome === "nothing" ? "waiting" : report.outcome,
    kept: report.kept + elsewhere,
    detail: report.detail ??
      (held > 0
        ? `${held} held by another flush still running`
        : `${elsewhere} still being written by a running host, sent once it closes them`),
  };
}
