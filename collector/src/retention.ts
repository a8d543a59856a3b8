/**
 * The retention job run by the cron trigger: events received more than
 * `RETENTION_DAYS` days before the scheduled time are deleted.
 *
 * @module
 */

import type { D1Database } from "./env.ts";
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
 * Deletes the events received before the cutoff at `now`; answers how many.
 *
 * @example
 * ```ts
 * import { deleteExpiredEvents } from "./retention.ts";
 * declare const db: import("./env.ts").D1Database;
 * await deleteExpiredEvents(db, new Date()); // 0
 * ```
 */
export async function deleteExpiredEvents(db: D1Database, now: Date): Promise<number> {
  const result = await db.prepare("DELETE FROM events WHERE received_at < ?")
    .bind(retentionCutoff(now)).run();
  return result.meta.changes;
}
