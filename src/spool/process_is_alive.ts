/**
 * Whether a process runs: what decides that a claim, an open segment or the
 * flusher lease was left behind.
 *
 * @module
 */

import process from "node:process";

/** Whether a process id belongs to a running process. */
export type IsAlive = (pid: number) => boolean;

/**
 * Whether a pid is running, by signal 0. A permission error means it runs.
 *
 * @example
 * ```ts
 * import { processIsAlive } from "./process_is_alive.ts";
 * processIsAlive(1); // true: init always runs
 * ```
 */
export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}
