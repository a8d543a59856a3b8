/**
 * The jmo-telemetry collector: a Cloudflare Worker over a D1 database that
 * validates and stores event batches (`POST /v1/events`), streams them to
 * maintainers (`GET /v1/export`), serves anonymous aggregates (`GET
 * /v1/stats`) and deletes events past retention on its cron trigger.
 *
 * `worker` is the Worker itself; the other exports are its pure parts, usable
 * and tested on their own. To run it locally, see `../local/mod.ts`.
 *
 * @example
 * ```ts
 * import { parseBatch } from "./mod.ts";
 * parseBatch(new TextEncoder().encode("not json"));
 * // { ok: false, status: 400, error: "malformed JSON", details: [] }
 * ```
 *
 * @module
 */

export { default as worker, handleRequest } from "./worker.ts";
export type { D1Database, Env, RateLimiter } from "./env.ts";
export * from "./limits.ts";
export { parseBatch } from "./parse_batch.ts";
export type { BatchParse, InvalidEvent } from "./parse_batch.ts";
export { discardBody, readBoundedBody } from "./read_body.ts";
export type { BodyProblem, BodyRead } from "./read_body.ts";
export { EVENT_COLUMNS, eventRow, exportLine } from "./event_rows.ts";
export type { StoredEvent } from "./event_rows.ts";
export { insertStatements } from "./insert_statements.ts";
export type { SqlStatement } from "./insert_statements.ts";
export { storeEnvelopes } from "./ingest.ts";
export { isJsonMediaType } from "./json_media_type.ts";
export { DAY_MARK_SQL, firstIdFromDaySql } from "./ingest_days.ts";
export type { IngestOutcome } from "./ingest.ts";
export { adminTokenMatches, bearerToken, constantTimeEqual } from "./admin_token.ts";
export { parseSince } from "./since.ts";
export type { SinceParse } from "./since.ts";
export { exportStream } from "./export.ts";
export { isoWeekOf, STATS_DIMENSIONS } from "./stats_dimensions.ts";
export type { StatsDimension, StatsEvent } from "./stats_dimensions.ts";
export {
  addInstall,
  decodeSketch,
  emptySketch,
  encodeSketch,
  estimateInstalls,
  mergeSketch,
} from "./install_sketch.ts";
export type { InstallSketch } from "./install_sketch.ts";
export { foldNewEvents, readState } from "./stats_fold.ts";
export { emptyStats, releaseStats } from "./stats_release.ts";
export type { Stats } from "./stats_release.ts";
export { releasedStats } from "./stats.ts";
export { deleteExpiredEvents, retentionCutoff } from "./retention.ts";
export { rateLimitKey } from "./rate_limit.ts";
