/**
 * The config file's choice for the hot path of `track`, which must not pay
 * for the YAML parser (about 2 ms, a fifth of its run) when there is no
 * config file to parse.
 *
 * @module
 */

import { statSync } from "node:fs";
import type { ConfigChoice } from "./config_file.ts";
import { loadYamlParser } from "./yaml_parser.ts";

function absent(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) === undefined;
  } catch {
    return false; // unreadable: `loadConfigChoice` says why
  }
}

/**
 * What `loadConfigChoice` answers, loading the YAML parser only when the
 * file exists.
 *
 * @example
 * ```ts
 * import { loadConfigChoiceLazily } from "./load_config_choice_lazily.ts";
 * (await loadConfigChoiceLazily("/nowhere/jmo.yml")).enabled; // undefined
 * ```
 */
export async function loadConfigChoiceLazily(path: string): Promise<ConfigChoice> {
  if (absent(path)) return { path, enabled: undefined };
  await loadYamlParser();
  const { loadConfigChoice } = await import("./config_file.ts");
  return loadConfigChoice(path);
}
