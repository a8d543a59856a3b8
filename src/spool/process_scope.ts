/**
 * The scope in which this process's pid means something: the machine's boot
 * and the pid namespace. A flusher can check a writer's pid only when it
 * runs in the same scope; a container sharing the spool with its host, or
 * another machine sharing a network home, has pids of its own.
 *
 * @module
 */

import { readFileSync, readlinkSync } from "node:fs";
import process from "node:process";

let cached: string | undefined;

/**
 * A short hash of a boot id and a pid namespace link, as 8 hex digits (FNV-1a).
 *
 * @example
 * ```ts
 * import { scopeOf } from "./process_scope.ts";
 * scopeOf("0f1e2d3c-0000-4000-8000-000000000000", "pid:[4026531836]").length; // 8
 * ```
 */
export function scopeOf(bootId: string, pidNamespace: string): string {
  let hash = 0x811c9dc5;
  for (const char of `${bootId}\n${pidNamespace}`) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

function readScope(): string {
  if (process.platform !== "linux") return "";
  try {
    const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    return scopeOf(bootId, readlinkSync("/proc/self/ns/pid"));
  } catch {
    return "";
  }
}

/**
 * This process's scope (read once): 8 hex digits on Linux, `""` where the
 * boot id or the pid namespace cannot be read (other systems).
 *
 * @example
 * ```ts
 * import { processScope } from "./process_scope.ts";
 * processScope(); // "9c3e41d0" on Linux
 * ```
 */
export function processScope(): string {
  cached ??= readScope();
  return cached;
}
