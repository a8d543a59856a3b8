/**
 * Multi-row inserts that skip stored event ids and return the ids they
 * inserted, chunked so that none binds more parameters than D1 allows.
 *
 * @module
 */

import type { D1Value } from "./env.ts";
import { EVENT_COLUMNS } from "./event_rows.ts";
import { MAX_BOUND_PARAMETERS } from "./limits.ts";

/** SQL text and the values bound to its placeholders. */
export interface SqlStatement {
  sql: string;
  params: D1Value[];
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * The statements that insert `rows` (each in `EVENT_COLUMNS` order), as many
 * rows per statement as `maxParameters` allows. A row whose `event_id` is
 * already stored, or repeated earlier in the same rows, is skipped; each
 * statement returns the `event_id` of every row it inserted.
 *
 * @example
 * ```ts
 * import { insertStatements } from "./insert_statements.ts";
 * const rows = Array.from({ length: 25 }, () => Array(10).fill("x"));
 * insertStatements(rows).map((s) => s.params.length); // [100, 100, 50]
 * ```
 */
export function insertStatements(
  rows: readonly D1Value[][],
  maxParameters: number = MAX_BOUND_PARAMETERS,
): SqlStatement[] {
  const width = EVENT_COLUMNS.length;
  const rowsPerStatement = Math.floor(maxParameters / width);
  if (rowsPerStatement < 1) throw new RangeError(`a row needs ${width} parameters`);
  const placeholders = `(${Array(width).fill("?").join(", ")})`;
  return chunk(rows, rowsPerStatement).map((group) => ({
    sql: `INSERT INTO events (${EVENT_COLUMNS.join(", ")}) VALUES ${
      group.map(() => placeholders).join(", ")
    } ON CONFLICT DO NOTHING RETURNING event_id`,
    params: group.flat(),
  }));
}
