/**
 * `deno task collector --scheduled-now`: the Worker's daily job (retention,
 * then the day's release of the public stats) run once, on demand, on a
 * local D1 database, through the Worker's own scheduled handler.
 *
 * @module
 */

import { startCollector } from "./start_collector.ts";

/** What the run did to the events table. */
export interface ScheduledRun {
  /** Events deleted as past retention. */
  deleted: number;
  /** Events left. */
  kept: number;
}

/**
 * Starts the collector on `dataDir` (migrations applied), runs its scheduled
 * handler as if fired at `now`, and stops it.
 *
 * @example
 * ```ts
 * import { runScheduledOnce } from "./run_scheduled_once.ts";
 * const { deleted } = await runScheduledOnce(".data", undefined, new Date());
 * ```
 */
export async function runScheduledOnce(
  dataDir: string,
  adminToken: string | undefined,
  now: Date,
): Promise<ScheduledRun> {
  const collector = await startCollector({ port: 0, dataDir, adminToken });
  try {
    const db = await collector.database();
    const count = async () =>
      (await db.prepare("SELECT COUNT(*) AS n FROM events").all<{ n: number }>()).results[0].n;
    const before = await count();
    await collector.runScheduled(now);
    const kept = await count();
    return { deleted: before - kept, kept };
  } finally {
    await collector.stop();
  }
}
