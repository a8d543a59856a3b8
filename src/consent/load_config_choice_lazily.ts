/**
 * The config file's choice for the hot path of `track`, which must not pay
 * for the YAML parser (about 2 ms, a fifth of its run) when there is no
 * config file to parse, nor (about 13 ms for a host's 211-line `jmo.yml`)
 * for a file it already read.
 *
 * @module
 */

import { statSync } from "node:fs";
import { readRegularFile } from "../fs/read_regular_file.ts";
import type { ConfigChoice } from "./config_file.ts";
import {
  configDigest,
  rememberConfigChoice,
  rememberedConfigChoice,
} from "./config_choice_cache.ts";
import { loadYamlParser } from "./yaml_parser.ts";

function absent(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false; // unreadable: `loadConfigChoice` says why
  }
}

function textOf(path: string): string | undefined {
  try {
    return readRegularFile(path);
  } catch {
    return undefined; // `loadConfigChoice` reads it again and says why
  }
}

/**
 * What `loadConfigChoice` answers, loading the YAML parser only when the
 * file exists and must be parsed. With `home` (the state folder), the choice of a text already
 * read is taken from the choices remembered there by a digest of the
 * text, and a new one is remembered (unless it opts out, or the folder does
 * not exist yet).
 *
 * @example
 * ```ts
 * import { loadConfigChoiceLazily } from "./load_config_choice_lazily.ts";
 * (await loadConfigChoiceLazily("/nowhere/jmo.yml")).enabled; // undefined
 * (await loadConfigChoiceLazily("/work/jmo.yml", "/home/ada/.jmo-security")).enabled; // true, once parsed
 * ```
 */
export async function loadConfigChoiceLazily(path: string, home?: string): Promise<ConfigChoice> {
  if (absent(path)) return { path, enabled: undefined };
  const text = home === undefined ? undefined : textOf(path);
  if (home === undefined || text === undefined) {
    await loadYamlParser();
    const { loadConfigChoice } = await import("./config_file.ts");
    return loadConfigChoice(path);
  }
  const digest = configDigest(text);
  const remembered = rememberedConfigChoice(home, digest, path);
  if (remembered !== undefined) return remembered;
  await loadYamlParser();
  const { configChoiceFromText } = await import("./config_file.ts");
  const choice = configChoiceFromText(path, text);
  rememberConfigChoice(home, digest, choice);
  return choice;
}
