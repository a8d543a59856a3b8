/**
 * `GET /v1/stats`: the day's release of the public stats, read as one D1
 * row, kept at the edge by the Cache API for `STATS_CACHE_SECONDS`, and rate
 * limited per client like posts (with a budget of its own).
 *
 * @module
 */

import type { D1Database, Env } from "./env.ts";
import { STATS_CACHE_SECONDS } from "./limits.ts";
import { rateLimitRefusal } from "./rate_limit.ts";
import { jsonResponse } from "./responses.ts";
import { readState } from "./stats_fold.ts";
import { emptyStats, type Stats } from "./stats_release.ts";

/** The Workers Cache API's default cache, where the runtime has one. */
function edgeCache(): Cache | undefined {
  return (globalThis as unknown as { caches?: { default?: Cache } }).caches?.default;
}

/**
 * The released stats, or the empty answer before the first release.
 *
 * @example
 * ```ts
 * import { releasedStats } from "./stats.ts";
 * declare const db: import("./env.ts").D1Database;
 * (await releasedStats(db)).released_on; // "2026-12-06", or null before the first release
 * ```
 */
export async function releasedStats(db: D1Database): Promise<Stats> {
  const release = await readState(db, "release");
  return release === undefined ? emptyStats() : JSON.parse(release);
}

/**
 * Answers `GET /v1/stats`: `429` past the client's budget, else the cached
 * answer, else the release read from D1 (and cached).
 *
 * @example
 * ```ts
 * import { statsResponse } from "./stats.ts";
 * declare const env: import("./env.ts").Env;
 * (await statsResponse(new Request("http://x/v1/stats"), env)).status; // 200
 * ```
 */
export async function statsResponse(request: Request, env: Env): Promise<Response> {
  const refusal = await rateLimitRefusal(request, env, "stats");
  if (refusal !== undefined) return refusal;
  const cache = edgeCache();
  const cacheKey = new Request(new URL("/v1/stats", request.url).toString());
  const cached = await cache?.match(cacheKey);
  if (cached !== undefined) return cached;
  const response = jsonResponse(200, await releasedStats(env.DB), {
    "Cache-Control": `public, max-age=${STATS_CACHE_SECONDS}`,
  });
  await cache?.put(cacheKey, response.clone());
  return response;
}
