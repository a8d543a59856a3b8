/**
 * The collector Worker: routes `/v1/events`, `/v1/export` and `/v1/stats`,
 * and runs the daily job (stats fold, retention, stats release) on its cron
 * trigger. Nothing about the client
 * (address, headers, user agent) is stored or logged.
 *
 * @module
 */

import type { Env, ExecutionContext, ScheduledController } from "./env.ts";
import { exportEvents } from "./export.ts";
import { ingestEvents, schemasResponse } from "./ingest.ts";
import { jsonResponse, methodNotAllowed, preflightResponse } from "./responses.ts";
import { deleteExpiredEvents } from "./retention.ts";
import { statsResponse } from "./stats.ts";
import { foldNewEvents } from "./stats_fold.ts";
import { releaseStats } from "./stats_release.ts";

/**
 * Answers one request. Bad input always gets a 4xx; only a failure of the
 * runtime or the database can throw.
 *
 * @example
 * ```ts
 * import { handleRequest } from "./worker.ts";
 * declare const env: import("./env.ts").Env;
 * (await handleRequest(new Request("http://x/nowhere"), env)).status; // 404
 * ```
 */
export async function handleRequest(request: Request, env: Env): Promise<Response> {
  const { pathname } = new URL(request.url);
  switch (pathname) {
    case "/v1/events":
      if (request.method === "OPTIONS") return preflightResponse();
      if (request.method === "POST") return await ingestEvents(request, env);
      if (request.method === "GET") return schemasResponse(env);
      return methodNotAllowed(["GET", "POST", "OPTIONS"]);
    case "/v1/export":
      return await exportEvents(request, env);
    case "/v1/stats":
      if (request.method === "GET") return await statsResponse(request, env);
      return methodNotAllowed(["GET"]);
    default:
      return jsonResponse(404, { error: "not found" });
  }
}

/** The Worker's handlers. */
const worker = {
  /**
   * HTTP requests. An unexpected failure is answered `500` and logged with the
   * error's message only: values are always bound, never part of SQL or messages.
   */
  async fetch(request: Request, env: Env): Promise<Response> {
    try {
      return await handleRequest(request, env);
    } catch (error) {
      console.error(`collector: internal error: ${String(error)}`);
      return jsonResponse(500, { error: "internal error" });
    }
  },
  /**
   * The daily cron trigger, relative to the scheduled time: folds the events
   * stored since the last run into the stats cells, deletes events past
   * retention, and releases the day's public stats.
   */
  async scheduled(controller: ScheduledController, env: Env, _ctx: ExecutionContext) {
    const now = new Date(controller.scheduledTime);
    await foldNewEvents(env.DB);
    await deleteExpiredEvents(env.DB, now);
    await releaseStats(env.DB, now);
  },
};

export default worker;
