/**
 * The deploy guard, run by wrangler as the Worker's custom build (see
 * `[build]` in `wrangler.toml`): `wrangler deploy` (and its `--dry-run`)
 * stops with a clear message while `database_id` is still the placeholder.
 * `wrangler dev` is let through: a local database needs no id.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import process from "node:process";
import { WRANGLER_TOML } from "./wrangler_settings.ts";

/** The `database_id` that `wrangler.toml` ships with, to be replaced before deploying. */
export const PLACEHOLDER_DATABASE_ID = "00000000-0000-0000-0000-000000000000";

/**
 * Why `wrangler.toml` text cannot be deployed, or `undefined` when it can:
 * a D1 binding without a `database_id`, or with the placeholder.
 *
 * @example
 * ```ts
 * import { databaseIdProblem } from "./check_database_id.ts";
 * databaseIdProblem('database_id = "00000000-0000-0000-0000-000000000000"'); // "database_id in ..."
 * databaseIdProblem('database_id = "6f1c2a4e-8d1b-4c5e-9a7f-2b3c4d5e6f70"'); // undefined
 * ```
 */
export function databaseIdProblem(toml: string): string | undefined {
  const ids = [...toml.matchAll(/^\s*database_id\s*=\s*"([^"]*)"/gm)].map((m) => m[1]);
  if (ids.length > 0 && ids.every((id) => id !== "" && id !== PLACEHOLDER_DATABASE_ID)) {
    return undefined;
  }
  return "database_id in collector/wrangler.toml is still the placeholder. Create the database " +
    "with `npx wrangler d1 create jmo-telemetry` and put the database_id it prints in " +
    "wrangler.toml's [[d1_databases]] block, then deploy again.";
}

if (import.meta.main && process.env.WRANGLER_COMMAND !== "dev") {
  const problem = databaseIdProblem(await readFile(WRANGLER_TOML, "utf8"));
  if (problem !== undefined) {
    console.error(`jmo-telemetry: cannot deploy: ${problem}`);
    process.exit(1);
  }
}
