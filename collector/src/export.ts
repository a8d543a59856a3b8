/**
 * `GET /v1/export`: every stored event received at or after `since`, as
 * NDJSON, streamed page by page (by row id) so memory stays flat whatever
 * the table's size. Only the bearer of `ADMIN_TOKEN` gets an answer other than
 * a bare `401`.
 *
 * @module
 */

import { adminTokenMatches } from "./admin_token.ts";
import type { D1Database, Env } from "./env.ts";
import { exportLine, type StoredEvent } from "./event_rows.ts";
import { firstIdFromDaySql } from "./ingest_days.ts";
import { EXPORT_PAGE_ROWS } from "./limits.ts";
import { bareResponse, jsonResponse, methodNotAllowed } from "./responses.ts";
import { parseSince } from "./since.ts";

const PAGE_SQL = `SELECT id, event_id, schema, event_type, version, platform, python_version,
  anonymous_id, timestamp, metadata, received_at
  FROM events WHERE id > ? AND received_at >= ? ORDER BY id LIMIT ?`;

/**
 * The NDJSON stream of events received at or after `since` (an ISO string;
 * empty for all), in insertion order, one query per page, starting from the
 * first id of `since`'s day (see `ingest_days.ts`).
 *
 * @example
 * ```ts
 * import { exportStream } from "./export.ts";
 * declare const env: { DB: import("./env.ts").D1Database };
 * const text = await new Response(exportStream(env.DB, "")).text();
 * ```
 */
export function exportStream(db: D1Database, since: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let lastId: number | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (lastId === undefined) {
        const { results } = await db.prepare(firstIdFromDaySql(">=")).bind(since.slice(0, 10))
          .all<{ first_id: number }>();
        lastId = results[0].first_id - 1;
      }
      const { results } = await db.prepare(PAGE_SQL).bind(lastId, since, EXPORT_PAGE_ROWS)
        .all<StoredEvent>();
      if (results.length > 0) {
        lastId = results[results.length - 1].id;
        controller.enqueue(encoder.encode(results.map((row) => exportLine(row) + "\n").join("")));
      }
      if (results.length < EXPORT_PAGE_ROWS) controller.close();
    },
  });
}

/**
 * Answers `/v1/export[?since=ISO]`: whatever the method, `401` and nothing
 * else without the right token; then `405` for a method other than `GET`,
 * `400` for a malformed `since`, else the NDJSON stream.
 *
 * @example
 * ```ts
 * import { exportEvents } from "./export.ts";
 * declare const env: import("./env.ts").Env;
 * (await exportEvents(new Request("http://x/v1/export"), env)).status; // 401
 * ```
 */
export async function exportEvents(request: Request, env: Env): Promise<Response> {
  if (!await adminTokenMatches(request.headers.get("Authorization"), env.ADMIN_TOKEN)) {
    return bareResponse(401);
  }
  if (request.method !== "GET") return methodNotAllowed(["GET"]);
  const since = parseSince(new URL(request.url).searchParams.get("since"));
  if (!since.ok) {
    return jsonResponse(400, {
      error: "since must be an ISO 8601 date or date-time, as 2025-10-01 or 2025-10-01T00:00:00Z",
    });
  }
  return new Response(exportStream(env.DB, since.since), {
    headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" },
  });
}
