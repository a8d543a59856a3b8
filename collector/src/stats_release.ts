/**
 * The day's release of the public stats: the cells of the months still in
 * retention, merged per group, published by the rule of `src/coarse/` (shared with the quarterly report)
 * and stored as one row, which is all `GET /v1/stats` reads. One release a
 * UTC day: a second run of the job on the same day keeps the first.
 *
 * @module
 */

import {
  coarseCounts,
  EVENTS_STEP,
  INSTALLS_STEP,
  MIN_PUBLISHED_INSTALLS,
  type PublishedCount,
} from "../../src/coarse/mod.ts";
import type { D1Database } from "./env.ts";
import {
  decodeSketch,
  estimateInstalls,
  type InstallSketch,
  mergeSketch,
} from "./install_sketch.ts";
import { retentionCutoff } from "./retention.ts";
import { STATS_DIMENSIONS } from "./stats_dimensions.ts";
import { readState, writeState } from "./stats_fold.ts";

/** The public stats: the day and rule of the release, then one list of groups per dimension. */
export type Stats =
  & {
    released_on: string | null;
    installs_step: number;
    events_step: number;
    min_installs_per_group: number;
  }
  & Record<string, PublishedCount[] | string | number | null>;

/**
 * The answer before the first release: the rule, and no group.
 *
 * @example
 * ```ts
 * import { emptyStats } from "./stats_release.ts";
 * emptyStats().platforms; // []
 * ```
 */
export function emptyStats(): Stats {
  const stats: Stats = {
    released_on: null,
    installs_step: INSTALLS_STEP,
    events_step: EVENTS_STEP,
    min_installs_per_group: MIN_PUBLISHED_INSTALLS,
  };
  for (const dimension of STATS_DIMENSIONS) stats[dimension.name] = [];
  return stats;
}

/** The random key of the offsets, made on first use and kept in the database. */
async function offsetSecret(db: D1Database): Promise<string> {
  const made = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16))
    .join("");
  await db.prepare("INSERT OR IGNORE INTO stats_state (name, value) VALUES ('offset_secret', ?)")
    .bind(made).run();
  return (await readState(db, "offset_secret"))!;
}

/**
 * Releases the stats of `now`'s UTC day unless that day has its release;
 * drops the cells of months wholly past retention. Answers whether it released.
 *
 * @example
 * ```ts
 * import { releaseStats } from "./stats_release.ts";
 * declare const db: import("./env.ts").D1Database;
 * await releaseStats(db, new Date()); // true the first time in a day
 * ```
 */
export async function releaseStats(db: D1Database, now: Date): Promise<boolean> {
  const day = now.toISOString().slice(0, 10);
  const previous = await readState(db, "release");
  if (previous !== undefined && JSON.parse(previous).released_on >= day) return false;
  const firstMonth = retentionCutoff(now).slice(0, 7);
  await db.prepare("DELETE FROM stats_cells WHERE month < ?").bind(firstMonth).run();
  const { results } = await db.prepare(
    "SELECT dimension, key, events, installs FROM stats_cells WHERE month >= ?",
  ).bind(firstMonth).all<{ dimension: string; key: string; events: number; installs: string }>();
  const groups = new Map<string, Map<string, { events: number; installs: InstallSketch }>>();
  for (const row of results) {
    const byKey = groups.get(row.dimension) ?? new Map();
    groups.set(row.dimension, byKey);
    const group = byKey.get(row.key);
    if (group === undefined) {
      byKey.set(row.key, { events: row.events, installs: decodeSketch(row.installs) });
    } else {
      group.events += row.events;
      mergeSketch(group.installs, decodeSketch(row.installs));
    }
  }
  const secret = await offsetSecret(db);
  const stats: Stats = { ...emptyStats(), released_on: day };
  for (const dimension of STATS_DIMENSIONS) {
    const counts = [...(groups.get(dimension.name) ?? new Map()).entries()].map((
      [groupKey, group],
    ) => ({ key: groupKey, events: group.events, installs: estimateInstalls(group.installs) }));
    const published = coarseCounts(counts, secret, day);
    stats[dimension.name] = dimension.byKey
      ? published.sort((a, b) => a.key.localeCompare(b.key))
      : published.sort((a, b) => b.events - a.events || a.key.localeCompare(b.key));
  }
  await writeState(db, "release", JSON.stringify(stats)).run();
  return true;
}
