/**
 * Replacing a small file so that readers see the old or the new content, never a mix.
 *
 * @module
 */

import { chmodSync, renameSync, rmSync, writeFileSync } from "node:fs";
import process from "node:process";

/**
 * Writes `content` to a temporary file beside `path` and renames it over
 * `path`: a crash leaves the old file intact, and a failed write or rename
 * (`path` is a folder, the disk is full) leaves no temporary file behind.
 * The new file has `mode` exactly, whatever the umask (default `0o600`).
 *
 * @example
 * ```ts
 * import { writeAtomic } from "./write_atomic.ts";
 * writeAtomic("/tmp/jmo-home/scan-count", "3\n");
 * writeAtomic("/work/jmo.yml", "telemetry:\n  enabled: false\n", 0o644);
 * ```
 */
export function writeAtomic(path: string, content: string, mode = 0o600): void {
  const temporary = `${path}.${process.pid}.${crypto.randomUUID().slice(0, 8)}.tmp`;
  try {
    writeFileSync(temporary, content, { mode });
    // The umask may have narrowed the mode at creation (never for 0o600).
    if ((mode & 0o077) !== 0) chmodSync(temporary, mode);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
