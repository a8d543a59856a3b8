/**
 * `POST /v1/events`: bounded read, strict validation of every event, then one
 * D1 batch (a transaction) of `INSERT OR IGNORE` statements. Only the
 * envelope and the time of receipt are stored: no address, header or user agent.
 *
 * @module
 */

import type { Envelope } from "../../src/events/mod.ts";
import { acceptedSchemas } from "./accepted_schemas.ts";
import type { D1Database, Env } from "./env.ts";
import { eventRow } from "./event_rows.ts";
import { insertStatements } from "./insert_statements.ts";
import { MAX_BODY_BYTES } from "./limits.ts";
import { parseBatch } from "./parse_batch.ts";
import { rateLimitRefusal } from "./rate_limit.ts";
import { readBoundedBody } from "./read_body.ts";
import { jsonResponse } from "./responses.ts";

/** What one accepted request did: rows inserted, and events already stored. */
export interface IngestOutcome {
  accepted: number;
  duplicates: number;
}

/**
 * The schema versions the collector accepts, as every answer of
 * `/v1/events` announces them: `GET /v1/events` is `200 {"schemas":[1,2]}`.
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
 * actually inserted; every other event (already stored, or repeated within
 * `envelopes`) is a duplicate.
 *
 * @example
 * ```ts
 * import { storeEnvelopes } from "./ingest.ts";
 * declare const db: import("./env.ts").D1Database;
 * await storeEnvelopes(db, [], new Date().toISOString()); // { accepted: 0, duplicates: 0 }
 * ```
 */
export async function storeEnvelopes(
  db: D1Database,
  envelopes: readonly Envelope[],
  receivedAt: string,
): Promise<IngestOutcome> {
  if (envelopes.length === 0) return { accepted: 0, duplicates: 0 };
  const statements = insertStatements(envelopes.map((e) => eventRow(e, receivedAt)));
  const results = await db.batch(statements.map((s) => db.prepare(s.sql).bind(...s.params)));
  const accepted = results.reduce((sum, result) => sum + result.meta.changes, 0);
  return { accepted, duplicates: envelopes.length - accepted };
}

/**
 * Answers `POST /v1/events`: `200 {accepted, duplicates}`, `400` (nothing
 * stored; an event of a schema not accepted here is refused on its field
 * `schema`), `413` or `429`. Each JSON answer but the rate limit's also
 * carries `schemas`, the versions this collector accepts.
 *
 * @example
 * ```ts
 * import { ingestEvents } from "./ingest.ts";
 * declare const env: import("./env.ts").Env;
 * const r = await ingestEvents(new Request("http://x/v1/events", { method: "POST", body: "{" }), env);
 * r.status; // 400
 * ```
 */
export async function ingestEvents(
  request: Request,
  env: Env,
  now = new Date(),
): Promise<Response> {
  const refusal = await rateLimitRefusal(request, env);
  if (refusal !== undefined) return refusal;
  const body = await readBoundedBody(
    request.headers.get("Content-Length"),
    request.body,
    MAX_BODY_BYTES,
  );
  const schemas = acceptedSchemas(env);
  if (!body.ok) {
    return jsonResponse(413, { error: `body over ${MAX_BODY_BYTES} bytes`, schemas });
  }
  const batch = parseBatch(body.bytes, schemas);
  if (!batch.ok) {
    const { ok: _, status, ...body } = batch;
    return jsonResponse(status, { ...body, schemas });
  }
  const stored = await storeEnvelopes(env.DB, batch.envelopes, now.toISOString());
  return jsonResponse(200, { ...stored, schemas });
}
