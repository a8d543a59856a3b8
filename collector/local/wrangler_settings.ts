/**
 * The settings the local runtime shares with production, read from
 * `collector/wrangler.toml` so they are written down once.
 *
 * @module
 */

import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The collector's `wrangler.toml`. */
export const WRANGLER_TOML: string = fileURLToPath(new URL("../wrangler.toml", import.meta.url));

/** What the local runtime takes from `wrangler.toml`. */
export interface WranglerSettings {
  compatibilityDate: string;
  crons: string[];
}

/**
 * Reads `compatibility_date` and `[triggers] crons` from wrangler.toml text.
 * Throws when the compatibility date is missing.
 *
 * @example
 * ```ts
 * import { parseWranglerSettings } from "./wrangler_settings.ts";
 * parseWranglerSettings('compatibility_date = "2025-10-19"\n[triggers]\ncrons = ["17 3 * * *"]\n');
 * // { compatibilityDate: "2025-10-19", crons: ["17 3 * * *"] }
 * ```
 */
export function parseWranglerSettings(toml: string): WranglerSettings {
  const date = /^compatibility_date\s*=\s*"(\d{4}-\d{2}-\d{2})"/m.exec(toml);
  if (date === null) throw new Error("wrangler.toml has no compatibility_date");
  const crons = /^crons\s*=\s*\[([^\]]*)\]/m.exec(toml);
  return {
    compatibilityDate: date[1],
    crons: crons === null ? [] : [...crons[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]),
  };
}

/**
 * The settings of the collector's own `wrangler.toml`.
 *
 * @example
 * ```ts
 * import { readWranglerSettings } from "./wrangler_settings.ts";
 * (await readWranglerSettings()).compatibilityDate; // "2025-10-19"
 * ```
 */
export async function readWranglerSettings(): Promise<WranglerSettings> {
  return parseWranglerSettings(await readFile(WRANGLER_TOML, "utf8"));
}
