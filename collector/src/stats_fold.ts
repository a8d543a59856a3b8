/**
 * Folding stored events into the stats cells: one cell per dimension, group
 * and UTC month of receipt, holding the events counted and a sketch of the
 * installs. Run by the daily job on the events stored since the last run, a
 * page at a time (each page in one transaction with its watermark), so the
 * cost of a run follows the new events, never the table.
 *
 * @module
 */

import type { D1Database, D1PreparedStatement } from "./env.ts";
import {
  addInstall,
  decodeSketch,
  emptySketch,
  encodeSketch,
  type InstallSketch,
} from "./install_sketch.ts";
import { FOLD_PAGE_ROWS, MAX_BOUND_PARAMETERS } from "./limits.ts";
import { STATS_DIMENSIONS, type StatsEvent } from "./stats_dimensions.ts";

/** One cell being updated. */
interface Cell {
  dimension: string;
  key: string;
  month: string;
  events: number;
  installs: InstallSketch;
}

interface FoldedRow extends Omit<StatsEvent, "metadata"> {
  id: number;
  metadata: string;
  received_at: string;
}

const WATERMARK = "folded_through";

/**
 * Reads a value of `stats_state`, or `undefined`.
 *
 * @example
 * ```ts
 * import { readState } from "./stats_fold.ts";
 * declare const db: import("./env.ts").D1Database;
 * await readState(db, "release"); // the day's stats as JSON, once released
 * ```
 */
export async function readState(db: D1Database, name: string): Promise<string | undefined> {
  const { results } = await db.prepare("SELECT value FROM stats_state WHERE name = ?").bind(name)
    .all<{ value: string }>();
  return results[0]?.value;
}

/**
 * The statement that sets a value of `stats_state`.
 *
 * @example
 * ```ts
 * import { writeState } from "./stats_fold.ts";
 * declare const db: import("./env.ts").D1Database;
 * await writeState(db, "release", "{}").run();
 * ```
 */
export function writeState(db: D1Database, name: string, value: string): D1PreparedStatement {
  return db.prepare(
    "INSERT INTO stats_state (name, value) VALUES (?, ?) " +
      "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
  ).bind(name, value);
}

function cellId(dimension: string, key: string, month: string): string {
  return JSON.stringify([dimension, key, month]);
}

/** The cells of `rows`, added up. */
function cellsOf(rows: readonly FoldedRow[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    const event: StatsEvent = { ...row, metadata: JSON.parse(row.metadata) };
    const month = row.received_at.slice(0, 7);
    for (const dimension of STATS_DIMENSIONS) {
      const key = dimension.keyOf(event);
      if (key === undefined) continue;
      const id = cellId(dimension.name, key, month);
      let cell = cells.get(id);
      if (cell === undefined) {
        cell = { dimension: dimension.name, key, month, events: 0, installs: emptySketch() };
        cells.set(id, cell);
      }
      cell.events++;
      addInstall(cell.installs, row.anonymous_id);
    }
  }
  return cells;
}

/** Adds the stored cells of the same months into `cells`. */
async function addStored(db: D1Database, cells: Map<string, Cell>): Promise<void> {
  const months = [...new Set([...cells.values()].map((cell) => cell.month))];
  const { results } = await db.prepare(
    `SELECT dimension, key, month, events, installs FROM stats_cells WHERE month IN (${
      months.map(() => "?").join(", ")
    })`,
  ).bind(...months).all<{
    dimension: string;
    key: string;
    month: string;
    events: number;
    installs: string;
  }>();
  for (const stored of results) {
    const cell = cells.get(cellId(stored.dimension, stored.key, stored.month));
    if (cell === undefined) continue;
    cell.events += stored.events;
    const sketch = decodeSketch(stored.installs);
    for (let i = 0; i < sketch.length; i++) {
      if (sketch[i] > cell.installs[i]) cell.installs[i] = sketch[i];
    }
  }
}

function upserts(db: D1Database, cells: readonly Cell[]): D1PreparedStatement[] {
  const perStatement = Math.floor(MAX_BOUND_PARAMETERS / 5);
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < cells.length; i += perStatement) {
    const chunk = cells.slice(i, i + perStatement);
    statements.push(
      db.prepare(
        `INSERT INTO stats_cells (dimension, key, month, events, installs) VALUES ${
          chunk.map(() => "(?, ?, ?, ?, ?)").join(", ")
        } ON CONFLICT (dimension, key, month) DO UPDATE SET events = excluded.events, ` +
          "installs = excluded.installs",
      ).bind(
        ...chunk.flatMap((c) => [c.dimension, c.key, c.month, c.events, encodeSketch(c.installs)]),
      ),
    );
  }
  return statements;
}

/**
 * Folds every event stored after the watermark into the stats cells, page by
 * page; answers how many events it folded.
 *
 * @example
 * ```ts
 * import { foldNewEvents } from "./stats_fold.ts";
 * declare const db: import("./env.ts").D1Database;
 * await foldNewEvents(db); // 0 when nothing new was stored
 * ```
 */
export async function foldNewEvents(db: D1Database): Promise<number> {
  let through = Number(await readState(db, WATERMARK) ?? 0);
  // Ids only grow while any event is kept; a table emptied by retention starts again from 1.
  const { results: [{ last }] } = await db.prepare(
    "SELECT COALESCE(MAX(id), 0) AS last FROM events",
  )
    .all<{ last: number }>();
  if (last < through) through = 0;
  let folded = 0;
  while (true) {
    const { results } = await db.prepare(
      "SELECT id, event_type, version, platform, anonymous_id, timestamp, metadata, received_at " +
        "FROM events WHERE id > ? ORDER BY id LIMIT ?",
    ).bind(through, FOLD_PAGE_ROWS).all<FoldedRow>();
    if (results.length === 0) return folded;
    const cells = cellsOf(results);
    await addStored(db, cells);
    through = results[results.length - 1].id;
    folded += results.length;
    await db.batch([
      ...upserts(db, [...cells.values()]),
      writeState(db, WATERMARK, String(through)),
    ]);
    if (results.length < FOLD_PAGE_ROWS) return folded;
  }
}
