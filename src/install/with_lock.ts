/**
 * A short cross-process lock for read-modify-write of small state files.
 *
 * @module
 */

import { closeSync, openSync, rmdirSync, statSync, unlinkSync, writeSync } from "node:fs";
import process from "node:process";

/** A lock file older than this is taken to belong to a crashed process. */
const STALE_MS = 10_000;
/** A lock file dated further ahead than this was not made by a process on this clock. */
const FUTURE_MS = 1_000;
/** How long to wait for the lock before going ahead without it. */
const WAIT_MS = 1_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Options of `withLock`. */
export interface LockOptions {
  /**
   * Told once when the lock cannot be used at all (a folder that is not
   * empty stands in its place), before `fn` runs without it.
   */
  onUnusable?: (problem: string) => void;
  /** Waits between two attempts (default: the thread sleeps `ms`). */
  pause?: (ms: number) => void;
}

/** What one attempt found: the lock taken, held by another, or unusable. */
type Attempt = "held" | "busy" | "unusable";

/** Creates the lock file exclusively; false when something is already there. */
function create(path: string): boolean {
  try {
    const fd = openSync(path, "wx", 0o600);
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
    return false;
  }
}

function isStale(mtimeMs: number): boolean {
  const age = Date.now() - mtimeMs;
  return age > STALE_MS || age < -FUTURE_MS;
}

/**
 * Removes what stands at `path` when no live process can be holding it: a
 * stale or future-dated file, or an empty folder (a folder was never a lock
 * of ours). Says whether the way is now clear, a live lock stands, or a
 * folder that is not empty is in the way for good.
 */
function clearLeftover(path: string): "clear" | "live" | "unusable" {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return "clear";
  if (!stat.isDirectory() && !isStale(stat.mtimeMs)) return "live";
  try {
    if (stat.isDirectory()) rmdirSync(path);
    else unlinkSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOTEMPTY" || code === "EEXIST") return "unusable";
    if (code !== "ENOENT") throw error;
    /* ENOENT: another process removed it first */
  }
  return "clear";
}

function tryAcquire(path: string): Attempt {
  if (create(path)) return "held";
  const leftover = clearLeftover(path);
  if (leftover === "unusable") return "unusable";
  return leftover === "clear" && create(path) ? "held" : "busy";
}

/**
 * Runs `fn` while holding the lock file `path` (created exclusively). Waits
 * up to a second for another holder; a lock left by a crashed process (older
 * than ten seconds, or dated in the future) is broken at once, and so is an
 * empty folder in its place. When the lock cannot be had in time, `fn` runs
 * anyway: a lost counter increment is better than a blocked host tool. A
 * folder that is not empty makes the lock unusable: `onUnusable` is told and
 * `fn` runs at once, without it.
 *
 * @example
 * ```ts
 * import { withLock } from "./with_lock.ts";
 * const next = withLock("/tmp/jmo-home/.lock", () => 1 + 1);
 * ```
 */
export function withLock<T>(path: string, fn: () => T, options: LockOptions = {}): T {
  const pause = options.pause ?? ((ms: number) => void Atomics.wait(sleeper, 0, 0, ms));
  const deadline = Date.now() + WAIT_MS;
  let attempt = tryAcquire(path);
  for (let wait = 1; attempt === "busy" && Date.now() < deadline; wait = Math.min(wait * 2, 20)) {
    pause(wait);
    attempt = tryAcquire(path);
  }
  if (attempt === "unusable") {
    options.onUnusable?.(
      `${path} is a folder that is not empty: state files are updated without their lock until it is removed`,
    );
  }
  try {
    return fn();
  } finally {
    if (attempt === "held") {
      try {
        unlinkSync(path);
      } catch { /* already broken as stale by another process */ }
    }
  }
}
