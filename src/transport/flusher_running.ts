/**
 * Reading the flusher lease (`spool/flusher.pid`): whether a live process is
 * flushing. `track`, `close` and `status` only read it; taking and releasing
 * it (`flush_lease.ts`) is the delivery code's, loaded by the first flush.
 *
 * @module
 */

import { join } from "node:path";
import { readRegularFile } from "../fs/read_regular_file.ts";
import { type IsAlive, spoolLayout, STALE_CLAIM_MS } from "../spool/mod.ts";

/** Who holds the lease and since when. */
export interface LeaseHolder {
  pid: number;
  sinceMs: number;
}

/**
 * The lease file of the install at `home`.
 *
 * @example
 * ```ts
 * import { leasePath } from "./flusher_running.ts";
 * leasePath("/tmp/jmo-home"); // "/tmp/jmo-home/spool/flusher.pid"
 * ```
 */
export function leasePath(home: string): string {
  return join(spoolLayout(home).root, "flusher.pid");
}

/**
 * The holder the lease file at `path` names; `undefined` when it is missing
 * or unreadable, or does not hold a pid and a time.
 *
 * @example
 * ```ts
 * import { leaseHolder } from "./flusher_running.ts";
 * leaseHolder("/tmp/jmo-home/spool/flusher.pid"); // { pid: 42, sinceMs: ... } or undefined
 * ```
 */
export function leaseHolder(path: string): LeaseHolder | undefined {
  try {
    const [pid, sinceMs] = readRegularFile(path).trim().split(" ").map(Number);
    return Number.isSafeInteger(pid) && Number.isFinite(sinceMs) ? { pid, sinceMs } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `holder` still holds the lease: its process is alive and its lease
 * is not older than a stale claim.
 *
 * @example
 * ```ts
 * import { holdsLease } from "./flusher_running.ts";
 * holdsLease({ pid: 42, sinceMs: 0 }, 1_000, () => true); // true
 * ```
 */
export function holdsLease(
  holder: LeaseHolder | undefined,
  nowMs: number,
  isAlive: IsAlive,
): boolean {
  return holder !== undefined && nowMs - holder.sinceMs <= STALE_CLAIM_MS && isAlive(holder.pid);
}

/**
 * Whether a live process holds the lease. A lease whose process is gone, or
 * older than a stale claim, does not count.
 *
 * @example
 * ```ts
 * import { flusherRunning } from "./flusher_running.ts";
 * import { processIsAlive } from "../spool/mod.ts";
 * flusherRunning("/tmp/jmo-home", Date.now(), processIsAlive); // false when none runs
 * ```
 */
export function flusherRunning(home: string, nowMs: number, isAlive: IsAlive): boolean {
  return holdsLease(leaseHolder(leasePath(home)), nowMs, isAlive);
}
