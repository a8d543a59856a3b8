/**
 * Choices of config files already read, remembered by a digest of their
 * text in the state folder: a host that calls `track` from a repository
 * with a large `jmo.yml` pays for the YAML parser once per change of the
 * file, not once per event.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { readRegularFile } from "../fs/read_regular_file.ts";
import { hash53 } from "../hash/hash53.ts";
import { installPaths } from "../install/install_paths.ts";
import { writeAtomic } from "../install/write_atomic.ts";
import type { ConfigChoice } from "./config_file.ts";

/** How many config texts are remembered (one per repository the host scans from, most recent first). */
export const MAX_REMEMBERED_CONFIGS = 16;

/** What is remembered of one config text: its choice, never its content. */
type Remembered = Omit<ConfigChoice, "path">;

/**
 * The digest a config text is remembered by: its length and two seeded
 * 53-bit hashes, in hex. Not cryptographic (a collision would take a config
 * crafted against its own earlier text), and computed in JavaScript because
 * loading a crypto module costs a compiled `track` more than parsing a
 * small file.
 *
 * @example
 * ```ts
 * import { configDigest } from "./config_choice_cache.ts";
 * configDigest("telemetry:\n  enabled: true\n") === configDigest("telemetry:\n  enabled: true\n"); // true
 * configDigest("enabled: yes") === configDigest("enabled: off"); // false
 * ```
 */
export function configDigest(text: string): string {
  return [text.length, hash53(text, 1), hash53(text, 2)].map((n) => n.toString(16)).join("-");
}

function readRemembered(home: string): [string, Remembered][] {
  try {
    const parsed = JSON.parse(readRegularFile(installPaths(home).configCacheFile));
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((entry): entry is [string, Remembered] =>
      Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "object" &&
      entry[1] !== null && [true, false, undefined].includes(entry[1].enabled) &&
      (entry[1].problem === undefined || typeof entry[1].problem === "string")
    );
  } catch {
    return [];
  }
}

/**
 * The remembered choice of the config text with this digest, at `path`;
 * `undefined` when it was never remembered (or the cache is unreadable).
 *
 * @example
 * ```ts
 * import { rememberedConfigChoice } from "./config_choice_cache.ts";
 * rememberedConfigChoice("/home/ada/.jmo-security", "00".repeat(32), "/work/jmo.yml"); // undefined
 * ```
 */
export function rememberedConfigChoice(
  home: string,
  digest: string,
  path: string,
): ConfigChoice | undefined {
  const found = readRemembered(home).find(([key]) => key === digest);
  if (found === undefined) return undefined;
  const { enabled, problem } = found[1];
  return { path, enabled, ...(problem === undefined ? {} : { problem }) };
}

/**
 * Remembers a config text's choice by its digest, when the state folder
 * exists already (it is never made for this) and the choice leaves
 * telemetry possibly on: an opt-out writes nothing. Disk trouble is
 * ignored: the next run reads the file again.
 *
 * @example
 * ```ts
 * import { rememberConfigChoice } from "./config_choice_cache.ts";
 * rememberConfigChoice("/home/ada/.jmo-security", "00".repeat(32), { path: "/work/jmo.yml", enabled: true });
 * ```
 */
export function rememberConfigChoice(home: string, digest: string, choice: ConfigChoice): void {
  if (choice.enabled === false || !existsSync(home)) return;
  const { path: _, ...remembered } = choice;
  const kept = readRemembered(home).filter(([key]) => key !== digest);
  const entries = [[digest, remembered], ...kept].slice(0, MAX_REMEMBERED_CONFIGS);
  try {
    writeAtomic(installPaths(home).configCacheFile, JSON.stringify(entries) + "\n");
  } catch { /* a read-only or full disk: nothing is remembered */ }
}
