/**
 * What a flush reports, and the report of one that did nothing: apart from
 * the flush itself, so that a caller reporting "off" loads no transport.
 *
 * @module
 */

import type { TransportSettings } from "../settings/mod.ts";
import { describeTransport, type TransportTarget } from "./describe_transport.ts";
import type { TransportKind } from "./classify_response.ts";

/** Events dropped unsent by one flush, by reason. */
export interface FlushDropped {
  /** Older than `JMO_TELEMETRY_MAX_AGE_DAYS`. */
  expired: number;
  /** The oldest past the 5 MiB cap. */
  overCap: number;
  /** Refused by the server (`400`) and set aside in `spool/rejected/`. */
  rejected: number;
  /** Lines a crash or a damaged disk left unreadable. */
  damaged: number;
  /** Refused earlier, then deleted from `spool/rejected/` by age or its 1 MiB cap. */
  rejectedDeleted: number;
}

/** What one flush did. */
export interface FlushReport {
  /**
   * `delivered` everything, `partial`, `failed` (nothing sent), `rejected`
   * (nothing sent: every batch was refused and set aside), `nothing`
   * pending, `debug` (printed, not sent), `waiting` (a background flush
   * before its backoff passed or beside a running flusher), `notice`
   * (nothing sent: the first-run notice was never shown on this install),
   * `off` (telemetry is off).
   */
  outcome:
    | "delivered"
    | "partial"
    | "failed"
    | "rejected"
    | "nothing"
    | "debug"
    | "waiting"
    | "notice"
    | "off";
  /** Events delivered. */
  sent: number;
  /** Requests answered with a `2xx`. */
  batches: number;
  /** Events still pending. */
  kept: number;
  /** Events dropped unsent, by reason. */
  dropped: FlushDropped;
  /** Why events were kept or refused, as `HTTP 503` or `timeout after 2 s`. */
  detail?: string;
  /** Where the batches went: the collector or a Gist. */
  transport: TransportKind;
  /** The endpoint's host and port. */
  host: string;
  /** When the next automatic flush may start, when a backoff holds. */
  nextAttemptAt?: string;
}

/**
 * The report of a flush that sent and dropped nothing.
 *
 * @example
 * ```ts
 * import { emptyFlushReport } from "./flush_report.ts";
 * emptyFlushReport({ kind: "collector", endpoint: "http://127.0.0.1:8787/v1/events" }, "off").host;
 * // "127.0.0.1:8787"
 * ```
 */
export function emptyFlushReport(
  transport: TransportSettings | TransportTarget,
  outcome: FlushReport["outcome"],
): FlushReport {
  const target = "host" in transport ? transport : describeTransport(transport);
  return {
    outcome,
    sent: 0,
    batches: 0,
    kept: 0,
    dropped: { expired: 0, overCap: 0, rejected: 0, damaged: 0, rejectedDeleted: 0 },
    transport: target.kind,
    host: target.host,
  };
}
