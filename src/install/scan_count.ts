/**
 * The scan count: how many `scan.started` events this install recorded.
 *
 * @module
 */

import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { readRegularFile } from "../fs/read_regular_file.ts";
import { installPaths } from "./install_paths.ts";
import { withLock } from "./with_lock.ts";
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
  return readScanCountFile(installPaths(home).scanCountFile);
}

/**
 * The scan count stored in the file `file` (a host may keep its own); 0 as
 * for `readScanCount`.
 *
 * @example
 * ```ts
 * import { readScanCountFile } from "./scan_count.ts";
 * readScanCountFile("/tmp/jmo-home/scan-count"); // 0 when absent
 * ```
 */
export function readScanCountFile(file: string): number {
  try {
    const n = Number.parseInt(readRegularFile(file).trim(), 10);
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

/**
 * Adds one scan to the count in `file` under the lock file `lockFile`
 * (making the file's folder with its parents) and returns the new count.
 *
 * @example
 * ```ts
 * import { advanceScanCount } from "./scan_count.ts";
 * advanceScanCount("/tmp/jmo-home/scan-count", "/tmp/jmo-home/.lock"); // 1 on a fresh install
 * ```
 */
export function advanceScanCount(file: string, lockFile: string): number {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  return withLock(lockFile, () => {
    const count = readScanCountFile(file) + 1;
    writeAtomic(file, `${count}\n`);
    return count;
  });
}
