/**
 * Delivery: batches of spooled events to the collector or a GitHub Gist.
 *
 * `flushSpool` claims what is pending, drops what expired, sends batches of
 * at most 500 events and 256 KiB, and deletes a batch only after a `2xx`
 * (at least once; the collector dedupes by `event_id`). Failures keep the
 * batch and set an exponential backoff with jitter in `state.json`; each
 * delivered batch is written to `audit.jsonl`. `track` starts a flush in a
 * detached process (`startBackgroundFlush`) when `flushDue` says so. The
 * pure parts (batches, backoff, answer classification) take their inputs as
 * arguments; requests use the fetch they are given (the global one by
 * default, which honours `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`).
 *
 * @module
 */

export { appendAudit, AUDIT_MAX_BYTES } from "./audit_log.ts";
export type { AuditAttempt, AuditEntry, AuditOutcome } from "./audit_log.ts";
export { BACKOFF_MAX_MS, BACKOFF_MIN_MS, backoffPassed } from "./backoff.ts";
export { backoffDelay, nextBackoff } from "./next_backoff.ts";
export { chooseTransport } from "./choose_transport.ts";
export { describeTransport, gistUrl } from "./describe_transport.ts";
export { combineFlushReports } from "./combine_flush_reports.ts";
export type { Transport } from "./choose_transport.ts";
export type { TransportTarget } from "./describe_transport.ts";
export {
  classifyFailure,
  classifyResponse,
  parseRetryAfter,
  refusedEvents,
} from "./classify_response.ts";
export type { RefusedEvent, TransportKind, Verdict } from "./classify_response.ts";
export { FLUSH_AFTER_MS, flushDue, SCAN_END_EVENT } from "./flush_due.ts";
export type { DueFacts } from "./flush_due.ts";
export { acquireFlushLease, releaseFlushLease } from "./flush_lease.ts";
export { flusherRunning } from "./flusher_running.ts";
export { flushSpool } from "./flush_spool.ts";
export type { FlushOptions } from "./flush_spool.ts";
export { emptyFlushReport } from "./flush_report.ts";
export type { FlushDropped, FlushReport } from "./flush_report.ts";
export { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, planBatches } from "./plan_batches.ts";
export type { BatchLimits, BodySize } from "./plan_batches.ts";
export { sendRequest } from "./send_request.ts";
export type { RequestOptions } from "./send_request.ts";
export { collectorBody, collectorBodySize, sendToCollector } from "./send_to_collector.ts";
export { gistBody, gistBodySize, gistFileName, sendToGist } from "./send_to_gist.ts";
export type { GistTarget } from "./send_to_gist.ts";
export { backgroundFlushCommand, startBackgroundFlush } from "./start_background_flush.ts";
export type { BackgroundFlushOptions, RuntimeFacts } from "./start_background_flush.ts";
export { startFlushIfDue } from "./start_flush_if_due.ts";
export { proxyFetch } from "./proxy_fetch.ts";
export type { FetchRuntime } from "./proxy_fetch.ts";
export type { FlushTrigger } from "./start_flush_if_due.ts";
