/**
 * The flusher lease: a small file naming the process that is flushing, so
 * that `track` does not start a second background flush while one runs.
 * Claims, not the lease, keep two flushers from sending the same batch; the
 * lease only saves needless processes.
 *
 * @module
 */

import { closeSync, openSync, unlinkSync, writeSync } from "node:fs";
import type { IsAlive } from "../spool/mod.ts";
import { holdsLease, leaseHolder, leasePath } from "./flusher_running.ts";

/** Errors that say the disk has no room for the lease's few bytes. */
const NO_ROOM = new Set(["ENOSPC", "EDQUOT", "EFBIG"]);

/** Closes and removes a lease file whose line could not be written: no empty file stays behind. */
function dropEmptyLease(path: string, fd: number): void {
  try {
    closeSync(fd);
    unlinkSync(path);
  } catch { /* nothing more to undo */ }
}

/**
 * Takes the lease for `pid` unless a live process holds it; a dead or stale
 * holder's lease is broken. Returns whether `pid` now holds it; never when
 * the spool folder is missing (then there is nothing to flush). When the
 * disk has no room for it (full, over a file-size limit) it answers true
 * without a lease file: sending needs no room, and claims keep flushers apart.
 *
 * @example
 * ```ts
 * import { acquireFlushLease, releaseFlushLease } from "./flush_lease.ts";
 * import { processIsAlive } from "../spool/mod.ts";
 * if (acquireFlushLease("/tmp/jmo-home", 42, Date.now(), processIsAlive)) {
 *   releaseFlushLease("/tmp/jmo-home", 42);
 * }
 * ```
 */
export function acquireFlushLease(
  home: string,
  pid: number,
  nowMs: number,
  isAlive: IsAlive,
): boolean {
  const path = leasePath(home);
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number | undefined;
    try {
      fd = openSync(path, "wx", 0o600);
      writeSync(fd, `${pid} ${nowMs}\n`);
      closeSync(fd);
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ENOENT") return false;
      if (code !== "EEXIST") {
        if (!NO_ROOM.has(code ?? "")) throw error;
        // No room for the lease (a full disk, a file-size limit): sending needs
        // none, and claims keep flushers apart, so the flush goes on without it.
        if (fd !== undefined) dropEmptyLease(path, fd);
        return true;
      }
      if (holdsLease(leaseHolder(path), nowMs, isAlive)) return false;
      try {
        unlinkSync(path);
      } catch { /* another process broke it first */ }
    }
  }
  return false;
}

/**
 * Gives the lease back if `pid` holds it.
 *
 * @example
 * ```ts
 * import { releaseFlushLease } from "./flush_lease.ts";
 * releaseFlushLease("/tmp/jmo-home", 42);
 * ```
 */
export function releaseFlushLease(home: string, pid: number): void {
  const path = leasePath(home);
  if (leaseHolder(path)?.pid !== pid) return;
  try {
    unlinkSync(path);
  } catch { /* a purge removed it */ }
}
