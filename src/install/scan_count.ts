/**
 * The scan count: how many `scan.started` events this install recorded.
 *
 * @module
 */

import { readRegularFile } from "../fs/read_regular_file.ts";
import { installPaths } from "./install_paths.ts";
import { writeAtomic } from "./write_atomic.ts";

/**
 * The stored scan count; 0 when absent, unreadable or no regular file.
 *
 * @example
 * ```ts
 * import { readScanCount } from "./scan_count.ts";
 * readScanCount("/tmp/jmo-home"); // 0 on a fresh install
 * ```
 */
export function readScanCount(home: string): number {
  try {
    const n = Number.parseInt(readRegularFile(installPaths(home).scanCountFile).trim(), 10);
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  } catch {
    return 0;
  }
}

/**
 * Writes the scan count. Call it under the install lock to increment safely.
 *
 * @example
 * ```ts
 * import { readScanCount, writeScanCount } from "./scan_count.ts";
 * writeScanCount("/tmp/jmo-home", readScanCount("/tmp/jmo-home") + 1);
 * ```
 */
export function writeScanCount(home: string, count: number): void {
  writeAtomic(installPaths(home).scanCountFile, `${count}\n`);
}
