/**
 * The collector's fixed limits, in one place.
 *
 * @module
 */

/** Largest accepted request body: 256 KiB. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A refused body up to this size is still read (and dropped), so its connection stays usable. */
export const MAX_DISCARDED_BYTES = 1024 * 1024;
/** A request body not received whole within this time is given up (`408`). */
export const BODY_TIMEOUT_MS = 10_000;
/** An event stamped later than this ahead of the collector's clock is refused. */
export const MAX_FUTURE_SKEW_MS = 86_400_000;
/** Most events in one request. */
export const MAX_EVENTS_PER_REQUEST = 500;
/** D1's limit of bound parameters in one statement. */
export const MAX_BOUND_PARAMETERS = 100;
/** Events received longer ago than this are deleted by the retention job. */
export const RETENTION_DAYS = 400;
/** Events read (and folded into the stats cells) per transaction of the daily job. */
export const FOLD_PAGE_ROWS = 5_000;
/** Seconds the edge may keep a stats answer (the numbers change once a day). */
export const STATS_CACHE_SECONDS = 300;
/** Rows per page of the streamed export. */
export const EXPORT_PAGE_ROWS = 500;
/** Seconds a rate-limited client is told to wait: the longest period the binding supports. */
export const RATE_LIMIT_RETRY_AFTER_SECONDS = 60;
