/**
 * Listing a spool folder that may be missing.
 *
 * @module
 */

import { readdirSync } from "node:fs";

/**
 * The names in `dir`; none when it is missing or cannot be listed (a flusher
 * or a purge may remove it at any time).
 *
 * @example
 * ```ts
 * import { listFolder } from "./list_folder.ts";
 * listFolder("/tmp/jmo-home/spool/ready"); // [] when there is no such folder
 * ```
 */
export function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
