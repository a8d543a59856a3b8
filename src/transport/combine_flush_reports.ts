/**
 * One report for two flushes run one after the other.
 *
 * @module
 */

import type { FlushReport } from "./flush_report.ts";

/**
 * Sums what two consecutive flushes sent and dropped; what is kept, why,
 * and the next attempt are the later flush's. A later flush whose batches
 * were all refused after an earlier one sent some is `delivered`, as one
 * flush doing both would be.
 *
 * @example
 * ```ts
 * import { combineFlushReports } from "./combine_flush_reports.ts";
 * import { emptyFlushReport } from "./flush_report.ts";
 * const first = { ...emptyFlushReport({ kind: "collector", endpoint: "http://127.0.0.1:9/" }, "delivered"), sent: 3, batches: 1 };
 * const second = emptyFlushReport({ kind: "collector", endpoint: "http://127.0.0.1:9/" }, "nothing");
 * combineFlushReports(first, second).outcome; // "delivered"
 * ```
 */
export function combineFlushReports(first: FlushReport, second: FlushReport): FlushReport {
  const sent = first.sent + second.sent;
  const outcome = second.outcome === "nothing"
    ? first.outcome
    : second.outcome === "failed" && sent > 0
    ? "partial"
    : second.outcome === "rejected" && sent > 0
    ? "delivered"
    : second.outcome;
  return {
    ...second,
    outcome,
    sent,
    batches: first.batches + second.batches,
    dropped: {
      expired: first.dropped.expired + second.dropped.expired,
      overCap: first.dropped.overCap + second.dropped.overCap,
      rejected: first.dropped.rejected + second.dropped.rejected,
      damaged: first.dropped.damaged + second.dropped.damaged,
      rejectedDeleted: first.dropped.rejectedDeleted + second.dropped.rejectedDeleted,
    },
  };
}
