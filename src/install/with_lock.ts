/**
 * A short cross-process lock for read-modify-write of small state files.
 *
 * @module
 */

import { closeSync, openSync, statSync, unlinkSync, writeSync } from "node:fs";
import process from "node:process";

/** A lock file older than this is taken to belong to a crashed process. */
const STALE_MS = 10_000;
/** How long to wait for the lock before going ahead without it. */
const WAIT_MS = 1_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function tryAcquire(path: string): boolean {
  try {
    const fd = openSync(path, "wx", 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_MS) {
      try {
        unlinkSync(path);
      } catch { /* another process removed it first */ }
    }
    return false;
  }
}

/**
 * Runs `fn` while holding the lock file `path` (created exclusively). Waits
 * up to a second for another holder; a lock left by a crashed process is
 * broken after ten seconds. When the lock cannot be had in time, `fn` runs
 * anyway: a lost counter increment is better than a blocked host tool.
 *
 * @example
 * ```ts
 * import { withLock } from "./with_lock.ts";
 * const next = withLock("/tmp/jmo-home/.lock", () => 1 + 1);
 * ```
 */
export function withLock<T>(path: string, fn: () => T): T {
  const deadline = Date.now() + WAIT_MS;
  let held = tryAcquire(path);
  for (let pause = 1; !held && Date.now() < deadline; pause = Math.min(pause * 2, 20)) {
    Atomics.wait(sleeper, 0, 0, pause);
    held = tryAcquire(path);
  }
  try {
    return fn();
  } finally {
    if (held) {
      try {
        unlinkSync(path);
      } catch { /* already broken as stale by another process */ }
    }
  }
}
