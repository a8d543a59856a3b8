/**
 * The anonymous id: a random UUID v4 in `telemetry-id`, made only when an event is recorded.
 *
 * @module
 */

import { linkSync, mkdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import process from "node:process";
import { UUID_V4_PATTERN } from "../events/definitions.ts";
import { readRegularFile } from "../fs/read_regular_file.ts";
import { installPaths } from "./install_paths.ts";
import { writeAtomic } from "./write_atomic.ts";

/**
 * The stored anonymous id, or `undefined` when there is none (or the file
 * holds something that is not a UUID v4, or is no regular file).
 *
 * @example
 * ```ts
 * import { readAnonymousId } from "./anonymous_id.ts";
 * readAnonymousId("/tmp/jmo-home"); // undefined on a fresh install
 * ```
 */
export function readAnonymousId(home: string): string | undefined {
  return readAnonymousIdFile(installPaths(home).idFile);
}

/**
 * The anonymous id stored in the file `idFile` (a host may keep its own), or
 * `undefined` as for `readAnonymousId`.
 *
 * @example
 * ```ts
 * import { readAnonymousIdFile } from "./anonymous_id.ts";
 * readAnonymousIdFile("/tmp/jmo-home/telemetry-id"); // undefined when absent
 * ```
 */
export function readAnonymousIdFile(idFile: string): string | undefined {
  try {
    const id = readRegularFile(idFile).trim();
    return UUID_V4_PATTERN.test(id) ? id.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The anonymous id, created as `candidate` if absent (so the caller can tell
 * whether this call created it). Two processes creating it at once agree on
 * one: the file is published with an exclusive hard link.
 *
 * @example
 * ```ts
 * import { ensureAnonymousId } from "./anonymous_id.ts";
 * const id = ensureAnonymousId("/tmp/jmo-home");
 * ```
 */
export function ensureAnonymousId(home: string, candidate: string = crypto.randomUUID()): string {
  return ensureAnonymousIdFile(installPaths(home).idFile, candidate);
}

/**
 * The anonymous id in the file `idFile`, created as `candidate` (its folder
 * with its parents) when absent or not a UUID v4, as `ensureAnonymousId` does.
 *
 * @example
 * ```ts
 * import { ensureAnonymousIdFile } from "./anonymous_id.ts";
 * const id = ensureAnonymousIdFile("/tmp/host-tests/nested/telemetry-id");
 * ```
 */
export function ensureAnonymousIdFile(
  idFile: string,
  candidate: string = crypto.randomUUID(),
): string {
  const existing = readAnonymousIdFile(idFile);
  if (existing) return existing;
  mkdirSync(dirname(idFile), { recursive: true, mode: 0o700 });
  const id = candidate;
  const temporary = `${idFile}.${process.pid}.tmp`;
  writeFileSync(temporary, id + "\n", { mode: 0o600 });
  try {
    linkSync(temporary, idFile);
    return id;
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
    const winner = readAnonymousIdFile(idFile);
    if (winner) return winner;
    writeAtomic(idFile, id + "\n");
    return id;
  } finally {
    unlinkSync(temporary);
  }
}

/**
 * Replaces the anonymous id with a new random one and returns it.
 *
 * @example
 * ```ts
 * import { rotateAnonymousId } from "./anonymous_id.ts";
 * const fresh = rotateAnonymousId("/tmp/jmo-home");
 * ```
 */
export function rotateAnonymousId(home: string): string {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const id = crypto.randomUUID();
  writeAtomic(installPaths(home).idFile, id + "\n");
  return id;
}

/**
 * Removes the anonymous id; returns whether there was one.
 *
 * @example
 * ```ts
 * import { deleteAnonymousId } from "./anonymous_id.ts";
 * deleteAnonymousId("/tmp/jmo-home"); // false on a fresh install
 * ```
 */
export function deleteAnonymousId(home: string): boolean {
  const had = readAnonymousId(home) !== undefined;
  rmSync(installPaths(home).idFile, { force: true });
  return had;
}
