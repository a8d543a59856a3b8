/**
 * `POST /v1/events`: bounded read, strict validation of every event, then one
 * D1 batch (a transaction) of inserts that skip stored `event_id`s. Only the
 * envelope and the time of receipt are stored: no address, header or user
 * agent. An `event_id` already stored (or repeated in the request) with other
 * contents is a conflict: the stored event is kept and the answer counts it.
 *
 * @module
 */

import type { Envelope } from "../../src/events/mod.ts";
import { acceptedSchemas } from "./accepted_schemas.ts";
import type { D1Database, D1Value, Env } from "./env.ts";
import { EVENT_COLUMNS, eventRow } from "./event_rows.ts";
import { DAY_MARK_SQL } from "./ingest_days.ts";
import { insertStatements } from "./insert_statements.ts";
import { isJsonMediaType } from "./json_media_type.ts";
import {
  BODY_TIMEOUT_MS,
  MAX_BODY_BYTES,
  MAX_BOUND_PARAMETERS,
  MAX_DISCARDED_BYTES,
} from "./limits.ts";
import { parseBatch } from "./parse_batch.ts";
import { rateLimitRefusal } from "./rate_limit.ts";
import { type BodyProblem, discardBody, readBoundedBody } from "./read_body.ts";
import { jsonResponse } from "./responses.ts";

/**
 * What one accepted request did: rows inserted, events already stored with
 * the same contents, and events whose `event_id` is stored with other contents.
 */
export interface IngestOutcome {
  accepted: number;
  duplicates: number;
  conflicts: number;
}

/** The columns compared to tell a duplicate from a conflict: all but `received_at`. */
const CONTENT_COLUMNS = EVENT_COLUMNS.filter((column) => column !== "received_at");

/** A row's contents as compared: ids without case, as the table compares them. */
function contentKey(values: readonly D1Value[]): string {
  return JSON.stringify(
    CONTENT_COLUMNS.map((column, i) =>
      column === "event_id" || column === "anonymous_id"
        ? String(values[i]).toLowerCase()
        : values[i]
    ),
  );
}

/** The stored contents of the given event ids, by lower-case id. */
async function storedContents(db: D1Database, ids: string[]): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  for (let i = 0; i < ids.length; i += MAX_BOUND_PARAMETERS) {
    const chunk = ids.slice(i, i + MAX_BOUND_PARAMETERS);
    const { results } = await db.prepare(
      `SELECT ${CONTENT_COLUMNS.join(", ")} FROM events WHERE event_id IN (${
        chunk.map(() => "?").join(", ")
      })`,
    ).bind(...chunk).all<Record<string, D1Value>>();
    for (const row of results) {
      stored.set(
        String(row.event_id).toLowerCase(),
        contentKey(CONTENT_COLUMNS.map((c) => row[c])),
      );
    }
  }
  return stored;
}

/**
 * The schema versions the collector accepts, as its answers to a post
 * announce them: `GET /v1/events` is `200 {"schemas":[1,2]}`.
 *
 * @example
 * ```ts
 * import { schemasResponse } from "./ingest.ts";
 * await schemasResponse({ ACCEPTED_SCHEMAS: "1" } as import("./env.ts").Env).json(); // { schemas: [1] }
 * ```
 */
export function schemasResponse(env: Env): Response {
  return jsonResponse(200, { schemas: acceptedSchemas(env) });
}

/**
 * Stores validated envelopes in one transaction. `accepted` counts the rows
 * actually inserted; an event whose id is already stored, or repeated earlier
 * in `envelopes`, is a duplicate when its contents are the same and a
 * conflict when they differ (the first stored stays).
 *
 * @example
 * ```ts
 * import { storeEnvelopes } from "./ingest.ts";
 * declare const db: import("./env.ts").D1Database;
 * await storeEnvelopes(db, [], new Date().toISOString()); // { accepted: 0, duplicates: 0, conflicts: 0 }
 * ```
 */
export async function storeEnvelopes(
  db: D1Database,
  envelopes: readonly Envelope[],
  receivedAt: string,
): Promise<IngestOutcome> {
  if (envelopes.length === 0) return { accepted: 0, duplicates: 0, conflicts: 0 };
  const firsts = new Map<string, string>();
  const rows: D1Value[][] = [];
  let repeats = 0;
  let conflicts = 0;
  for (const envelope of envelopes) {
    const row = eventRow(envelope, receivedAt);
    const id = envelope.event_id.toLowerCase();
    const seen = firsts.get(id);
    if (seen === undefined) {
      firsts.set(id, contentKey(row));
      rows.push(row);
    } else if (seen === contentKey(row)) repeats++;
    else conflicts++;
  }
  const statements = insertStatements(rows);
  const results = await db.batch([
    db.prepare(DAY_MARK_SQL).bind(receivedAt.slice(0, 10)),
    ...statements.map((s) => db.prepare(s.sql).bind(...s.params)),
  ]);
  const inserted = new Set(
    results.slice(1).flatMap((r) => r.results.map((row) => String(row.event_id).toLowerCase())),
  );
  const skipped = [...firsts.keys()].filter((id) => !inserted.has(id));
  const stored = skipped.length === 0 ? new Map() : await storedContents(db, skipped);
  for (const id of skipped) {
    if (stored.get(id) === firsts.get(id)) repeats++;
    else conflicts++;
  }
  return { accepted: inserted.size, duplicates: repeats, conflicts };
}

const BODY_REFUSALS: Record<BodyProblem, [number, string]> = {
  "too-large": [413, `body over ${MAX_BODY_BYTES} bytes`],
  timeout: [408, `body not received within ${BODY_TIMEOUT_MS / 1000} seconds`],
  aborted: [400, "the request body ended before its end"],
};

/**
 * Answers `POST /v1/events`: `200 {accepted, duplicates, conflicts}`, `400`
 * (nothing stored; an event of a schema not accepted here is refused on its
 * field `schema`), `408`, `413`, `415` or `429`. Every answer but the rate
 * limit's also carries `schemas`, the versions this collector accepts. A
 * body that is refused unread is read and dropped first (or, when too big,
 * cut off), so the connection is never left with half a request on it.
 *
 * @example
 * ```ts
 * import { ingestEvents } from "./ingest.ts";
 * declare const env: import("./env.ts").Env;
 * const r = await ingestEvents(new Request("http://x/v1/events", { method: "POST", body: "{" }), env);
 * r.status; // 415: a string body is text/plain
 * ```
 */
export async function ingestEvents(request: Request, env: Env): Promise<Response> {
  const schemas = acceptedSchemas(env);
  const refusal = await rateLimitRefusal(request, env) ??
    (isJsonMediaType(request.headers.get("Content-Type"))
      ? undefined
      : jsonResponse(415, { error: "Content-Type must be application/json", schemas }));
  if (refusal !== undefined) {
    await discardBody(request.body, MAX_DISCARDED_BYTES, BODY_TIMEOUT_MS);
    return refusal;
  }
  const body = await readBoundedBody(
    request.headers.get("Content-Length"),
    request.body,
    MAX_BODY_BYTES,
    BODY_TIMEOUT_MS,
  );
  if (!body.ok) {
    const [status, error] = BODY_REFUSALS[body.problem];
    return jsonResponse(status, { error, schemas });
  }
  // The time of receipt is taken once the body is in: a slow upload is not stamped early.
  const now = new Date();
  const batch = parseBatch(body.bytes, now, schemas);
  if (!batch.ok) {
    const { ok: _, status, ...answer } = batch;
    return jsonResponse(status, { ...answer, schemas });
  }
  const stored = await storeEnvelopes(env.DB, batch.envelopes, now.toISOString());
  return jsonResponse(200, { ...stored, schemas });
}
