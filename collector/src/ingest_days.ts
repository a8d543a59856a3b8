/**
 * The day marks that let the export and the retention job find events by
 * the day they were received without an index on `received_at` (an index
 * costs one more D1 row written per stored event). Each request's
 * transaction first records, if its UTC day has no mark yet, the id its
 * events will start from; ids only grow, so every event received on a day
 * or later has an id at least the smallest mark of the days from then on.
 *
 * @module
 */

/** Marks the day bound to `?` (`YYYY-MM-DD`) with the next id, unless it is marked. */
export const DAY_MARK_SQL = "INSERT OR IGNORE INTO ingest_days (day, first_id) " +
  "SELECT ?, COALESCE(MAX(id), 0) + 1 FROM events";

/**
 * SQL of the lowest id an event received on the day bound to `?` or later
 * can have (one past the last id when no such day is marked).
 *
 * @example
 * ```ts
 * import { firstIdFromDaySql } from "./ingest_days.ts";
 * firstIdFromDaySql(">="); // "SELECT COALESCE(MIN(first_id), ...) AS first_id FROM ingest_days WHERE day >= ?"
 * ```
 */
export function firstIdFromDaySql(comparison: ">=" | ">"): string {
  return "SELECT COALESCE(MIN(first_id), (SELECT COALESCE(MAX(id), 0) + 1 FROM events)) " +
    `AS first_id FROM ingest_days WHERE day ${comparison} ?`;
}
