/**
 * Applies `collector/migrations/*.sql` in name order to a D1 database,
 * tracking the applied ones in a `d1_migrations` table as wrangler does, so
 * the same directory serves `wrangler d1 migrations apply` in production.
 *
 * @module
 */

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { D1Database } from "../src/env.ts";
import { splitSqlStatements } from "./split_sql_statements.ts";

/** The collector's migrations directory. */
export const MIGRATIONS_DIR: string = fileURLToPath(new URL("../migrations/", import.meta.url));

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS d1_migrations(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`;

/**
 * Applies every migration of `dir` not yet recorded in `d1_migrations`, each
 * in one transaction with its record; answers the names applied now.
 *
 * @example
 * ```ts
 * import { applyMigrations, MIGRATIONS_DIR } from "./migrations.ts";
 * declare const db: import("../src/env.ts").D1Database;
 * await applyMigrations(db, MIGRATIONS_DIR); // ["0001_init.sql"] the first time, [] after
 * ```
 */
export async function applyMigrations(db: D1Database, dir: string): Promise<string[]> {
  await db.prepare(MIGRATIONS_TABLE).run();
  const { results } = await db.prepare("SELECT name FROM d1_migrations").all<{ name: string }>();
  const applied = new Set(results.map((row) => row.name));
  const pending = (await readdir(dir)).filter((name) => name.endsWith(".sql") && !applied.has(name))
    .sort();
  for (const name of pending) {
    const statements = splitSqlStatements(await readFile(join(dir, name), "utf8"));
    await db.batch([
      ...statements.map((sql) => db.prepare(sql)),
      db.prepare("INSERT INTO d1_migrations (name) VALUES (?)").bind(name),
    ]);
  }
  return pending;
}
