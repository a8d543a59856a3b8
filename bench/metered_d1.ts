/**
 * A D1 binding that adds up D1's own accounting (`meta.rows_read` and
 * `meta.rows_written`) of every statement run through it, so the benchmark
 * reports what D1 bills rather than an estimate.
 *
 * @module
 */

import type { D1Database, D1PreparedStatement, D1Result } from "../collector/src/env.ts";

/** Rows read and written so far. */
export interface D1Meter {
  rowsRead: number;
  rowsWritten: number;
}

/** A D1 binding and the meter it adds to. */
export interface MeteredD1 {
  db: D1Database;
  meter: D1Meter;
}

function count(meter: D1Meter, result: D1Result): void {
  const meta = result.meta as { rows_read?: number; rows_written?: number };
  meter.rowsRead += meta.rows_read ?? 0;
  meter.rowsWritten += meta.rows_written ?? 0;
}

function meteredStatement(statement: D1PreparedStatement, meter: D1Meter): D1PreparedStatement {
  return {
    bind: (...values) => meteredStatement(statement.bind(...values), meter),
    async all<T>() {
      const result = await statement.all<T>();
      count(meter, result as D1Result);
      return result;
    },
    async run() {
      const result = await statement.run();
      count(meter, result);
      return result;
    },
    unwrap: () => statement,
  } as D1PreparedStatement & { unwrap(): D1PreparedStatement };
}

/**
 * Wraps `db` so that every statement's rows read and written are added to
 * the returned meter.
 *
 * @example
 * ```ts
 * import { meteredD1 } from "./metered_d1.ts";
 * declare const db: import("../collector/src/env.ts").D1Database;
 * const { db: metered, meter } = meteredD1(db);
 * await metered.prepare("SELECT 1").all();
 * meter.rowsRead; // 0
 * ```
 */
export function meteredD1(db: D1Database): MeteredD1 {
  const meter: D1Meter = { rowsRead: 0, rowsWritten: 0 };
  const unwrap = (s: D1PreparedStatement) =>
    (s as D1PreparedStatement & { unwrap(): D1PreparedStatement }).unwrap();
  return {
    meter,
    db: {
      prepare: (sql) => meteredStatement(db.prepare(sql), meter),
      async batch(statements) {
        const results = await db.batch(statements.map(unwrap));
        for (const result of results) count(meter, result);
        return results;
      },
    },
  };
}
