/**
 * The human summary of `flush`: what was sent, kept and dropped, and why.
 *
 * @module
 */

import { NOTICE_HELD } from "../client/flush_install.ts";
import type { FlushReport } from "../transport/mod.ts";

function events(n: number): string {
  return `${n} event${n === 1 ? "" : "s"}`;
}

function droppedLine(report: FlushReport): string[] {
  const d = report.dropped;
  if (d.expired + d.overCap + d.rejected + d.damaged + d.rejectedDeleted === 0) return [];
  const aside = d.rejectedDeleted > 0
    ? `; ${d.rejectedDeleted} refused earlier deleted from spool/rejected/ (past the maximum age or its 1 MiB cap)`
    : "";
  return [
    `Dropped:  ${d.expired} expired, ${d.overCap} over the 5 MiB cap, ${d.rejected} refused by the server (set aside in spool/rejected/), ${d.damaged} damaged${aside}`,
  ];
}

/**
 * Formats a flush report for people.
 *
 * @example
 * ```ts
 * import { formatFlushReport } from "./format_flush_report.ts";
 * // context.stdout(formatFlushReport(await flushInstall(core)));
 * ```
 */
export function formatFlushReport(report: FlushReport): string {
  if (report.outcome === "off") {
    return `Telemetry is off (${report.detail}): nothing was sent and nothing is pending.\n`;
  }
  const to = `${report.transport} ${report.host}`;
  const lines: string[] = [];
  if (report.outcome === "debug") {
    lines.push(
      `Debug (JMO_TELEMETRY_DEBUG): ${
        events(report.kept)
      } printed on stderr as they would go to ${to}; nothing was sent.`,
    );
  } else if (report.outcome === "nothing") {
    lines.push("Nothing to send.");
  } else if (report.outcome === "notice" && report.detail === NOTICE_HELD) {
    lines.push(
      "Not sent: the first-run notice was shown at the host's last scan.started, and nothing is sent",
      "          before its next scan.started (the user's next run).",
      `Kept:     ${events(report.kept)} (waiting for the next scan)`,
    );
  } else if (report.outcome === "notice") {
    lines.push(
      "Not sent: nothing is sent before the first-run notice, and it was never shown on this install;",
      "          it shows with the next `jmo-telemetry track scan.started`.",
      `Kept:     ${events(report.kept)} (waiting for the notice)`,
    );
  } else {
    const batches = `${report.batches} batch${report.batches === 1 ? "" : "es"}`;
    lines.push(`Sent:     ${events(report.sent)} in ${batches} to ${to}`);
    const why = report.kept > 0 && report.detail ? ` (${report.detail})` : "";
    const next = report.kept > 0 && report.nextAttemptAt
      ? `; next automatic attempt after ${report.nextAttemptAt}`
      : "";
    lines.push(`Kept:     ${events(report.kept)}${why}${next}`);
    if (report.kept === 0 && report.detail) lines.push(`Note:     ${report.detail}`);
  }
  return [...lines, ...droppedLine(report), ""].join("\n");
}
