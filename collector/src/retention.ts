/**
 * The retention job: events received more than `RETENTION_DAYS` days before
 * the run are deleted. Found by id through the day marks, so the job reads
 * about one day of events, not the table.
 *
 * @module
 */

import type { D1Database } from "./env.ts";
import { firstIdFromDaySql } from "./ingest_days.ts";
import { RETENTION_DAYS } from "./limits.ts";

/**
 * The oldest `received_at` kept at `now`, in the stored form.
 *
 * @example
 * ```ts
 * import { retentionCutoff } from "./retention.ts";
 * retentionCutoff(new Date("2026-02-04T00:00:00Z")); // "2024-12-31T00:00:00.000Z"
 * ```
 */
export function retentionCutoff(now: Date, days: number = RETENTION_DAYS): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

/**
 * Deletes the events received before the cutoff at `now`, and the day marks
 * of the days before the cutoff's; answers how many events. Every event
 * received before the cutoff's day, or on it before the cutoff, has an id
 * below the first mark of a later day.
 *
 * @example
 * ```ts
 * import { deleteExpiredEvents } from "./retention.ts";
 * declare const db: import("./env.ts").D1Database;
 * await deleteExpiredEvents(db, new Date()); // 0
 * ```
 */
export async function deleteExpiredEvents(db: D1Database, now: Date): Promise<number> {
  const cutoff = retentionCutoff(now);
  const cutoffDay = cutoff.slice(0, 10);
  const [deleted] = await db.batch([
    db.prepare(
      `DELETE FROM events WHERE id < (${firstIdFromDaySql(">")}) AND received_at < ?`,
    ).bind(cutoffDay, cutoff),
    db.prepare("DELETE FROM ingest_days WHERE day < ?").bind(cutoffDay),
  ]);
  return deleted.meta.changes;
}
