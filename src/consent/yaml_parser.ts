/**
 * The YAML parser, loaded only when a config file is there to read: the
 * library's client entry must not pay for it on every import. The CLI loads
 * it ahead with `loadYamlParser` (a dynamic import its bundler sees); the
 * library, whose `track` is synchronous, requires it on first use.
 *
 * @module
 */

import { createRequire } from "node:module";
import type * as Yaml from "yaml";

/** The parts of the `yaml` package the config code uses. */
export type YamlParser = Pick<typeof Yaml, "isMap" | "isScalar" | "parse" | "parseDocument">;

/** What to tell a user whose runtime cannot load the `yaml` package. */
export const YAML_MISSING =
  "the yaml package is needed to read it and could not be loaded: install yaml next to jmo-telemetry";

let loaded: YamlParser | undefined;

/**
 * The `yaml` package cannot be loaded here (an npm install without the
 * optional `yaml` peer, or a Deno host importing from JSR without `npm:yaml`
 * loaded first).
 *
 * @example
 * ```ts
 * import { YamlParserMissing } from "./yaml_parser.ts";
 * new YamlParserMissing() instanceof Error; // true
 * ```
 */
export class YamlParserMissing extends Error {
  /** Makes the error, whose message says what to install. */
  constructor() {
    super(YAML_MISSING);
    this.name = "YamlParserMissing";
  }
}

/**
 * Loads the YAML parser ahead of a synchronous use; resolves to whether it
 * could be loaded.
 *
 * @example
 * ```ts
 * import { loadYamlParser } from "./yaml_parser.ts";
 * await loadYamlParser(); // true where the yaml package resolves
 * ```
 */
export async function loadYamlParser(): Promise<boolean> {
  if (loaded !== undefined) return true;
  try {
    loaded = await import("yaml");
    return true;
  } catch {
    return false;
  }
}

/**
 * The YAML parser, loaded by `loadYamlParser` or else required now. Throws
 * `YamlParserMissing` when the `yaml` package cannot be loaded.
 *
 * @example
 * ```ts
 * import { yamlParser } from "./yaml_parser.ts";
 * yamlParser().parse("telemetry: {enabled: false}"); // { telemetry: { enabled: false } }
 * ```
 */
export function yamlParser(): YamlParser {
  if (loaded !== undefined) return loaded;
  try {
    loaded = createRequire(import.meta.url)("yaml") as YamlParser;
  } catch {
    throw new YamlParserMissing();
  }
  return loaded;
}
