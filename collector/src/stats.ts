/**
 * `GET /v1/stats`: aggregate counts per dimension, each group shown only when
 * at least five distinct installs are in it. Never an id, never a total.
 *
 * @module
 */

import type { D1Database } from "./env.ts";
import { MIN_INSTALLS_PER_GROUP } from "./limits.ts";
import { jsonResponse } from "./responses.ts";
import {
  type GroupCount,
  groupQuery,
  type GroupRow,
  STATS_DIMENSIONS,
  suppressSmallGroups,
} from "./stats_groups.ts";

/** The stats answer: the threshold, then one list of groups per dimension. */
export type Stats = { min_installs_per_group: number } & Record<string, GroupCount[] | number>;

/**
 * Queries every dimension (in one D1 batch, so from one snapshot) and drops
 * the groups below the threshold.
 *
 * @example
 * ```ts
 * import { collectStats } from "./stats.ts";
 * declare const db: import("./env.ts").D1Database;
 * const stats = await collectStats(db);
 * stats.events_by_type; // [{ key: "scan.started", events: 120, installs: 31 }, ...]
 * ```
 */
export async function collectStats(db: D1Database): Promise<Stats> {
  const results = await db.batch(STATS_DIMENSIONS.map((d) => db.prepare(groupQuery(d))));
  const stats: Stats = { min_installs_per_group: MIN_INSTALLS_PER_GROUP };
  STATS_DIMENSIONS.forEach((dimension, i) => {
    const rows = results[i].results as unknown as GroupRow[];
    stats[dimension.name] = suppressSmallGroups(rows, MIN_INSTALLS_PER_GROUP, dimension.label);
  });
  return stats;
}

/**
 * Answers `GET /v1/stats` with the aggregate counts as JSON.
 *
 * @example
 * ```ts
 * import { statsResponse } from "./stats.ts";
 * declare const db: import("./env.ts").D1Database;
 * (await statsResponse(db)).status; // 200
 * ```
 */
export async function statsResponse(db: D1Database): Promise<Response> {
  return jsonResponse(200, await collectStats(db), { "Cache-Control": "public, max-age=300" });
}
