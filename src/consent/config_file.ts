/**
 * The config file on disk: `jmo.yml`, or the path of `--config` / `JMO_CONFIG`.
 *
 * @module
 */

import { realpathSync, statSync } from "node:fs";
import { describeFsError } from "../fs/fs_error.ts";
import { readRegularFile } from "../fs/read_regular_file.ts";
import { writeAtomic } from "../install/write_atomic.ts";
import {
  ConfigSyntaxError,
  readTelemetrySetting,
  salvageOptOut,
  setTelemetryChoice,
} from "./config_text.ts";
import { YamlParserMissing } from "./yaml_parser.ts";

/** What the config file says about telemetry. */
export interface ConfigChoice {
  /** The config file's path. */
  path: string;
  /** `telemetry.enabled` when the file holds a boolean there. */
  enabled: boolean | undefined;
  /** Why the file holds no usable choice, when it is there but unreadable, not YAML, or its value is no boolean. */
  problem?: string;
  /**
   * The file is there but this runtime has no YAML parser to read it:
   * telemetry is off for this run only, and nothing spooled is deleted.
   */
  parserMissing?: true;
}

/** The file's text; `undefined` when it is absent. Throws when it is no regular file of at most 1 MiB. */
function readText(path: string): string | undefined {
  try {
    return readRegularFile(path);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return undefined;
    throw error;
  }
}

/**
 * Reads the choice in the config file. A missing file holds no choice; so do
 * one that cannot be read or is no regular file (a FIFO, a device), and a
 * malformed one, with the problem noted, so that `track` never fails on it,
 * unless a lenient read still finds `telemetry.enabled: false` there
 * (an opt-out is kept even in a broken file). A value at `telemetry.enabled`
 * that is no boolean is read as `false`, with the problem noted.
 *
 * @example
 * ```ts
 * import { loadConfigChoice } from "@jmo/telemetry";
 * loadConfigChoice("/work/jmo.yml").enabled; // undefined when the file is absent
 * ```
 */
export function loadConfigChoice(path: string): ConfigChoice {
  let text: string | undefined;
  try {
    text = readText(path);
  } catch (error) {
    return { path, enabled: undefined, problem: `cannot be read (${describeFsError(error)})` };
  }
  if (text === undefined) return { path, enabled: undefined };
  return configChoiceFromText(path, text);
}

/**
 * Reads the choice in a config file's text (YAML, or JSON, which YAML
 * reads too), with the rules of `loadConfigChoice`; `path` names where the
 * text came from. A host that parsed its own configuration passes it here
 * as JSON.
 *
 * @example
 * ```ts
 * import { configChoiceFromText } from "./config_file.ts";
 * configChoiceFromText("host", '{"telemetry":{"enabled":false}}').enabled; // false
 * ```
 */
export function configChoiceFromText(path: string, text: string): ConfigChoice {
  try {
    const setting = readTelemetrySetting(text);
    if (setting.unrecognized === undefined) return { path, enabled: setting.enabled };
    return {
      path,
      enabled: false,
      problem:
        `telemetry.enabled is \`${setting.unrecognized}\`, neither true nor false: read as false`,
    };
  } catch (error) {
    if (error instanceof YamlParserMissing) {
      const problem = `${error.message}; telemetry is off while it is there`;
      return { path, enabled: false, problem, parserMissing: true };
    }
    if (!(error instanceof ConfigSyntaxError)) throw error;
    const problem = `not valid YAML (${error.message})`;
    if (salvageOptOut(text)) {
      return { path, enabled: false, problem: `${problem}; its telemetry.enabled: false is kept` };
    }
    return { path, enabled: undefined, problem };
  }
}

/**
 * Writes `telemetry.enabled` into the config file, creating it if absent and
 * changing nothing else in it. Throws `ConfigSyntaxError` (and leaves the
 * file untouched) when the file is not valid YAML.
 *
 * @example
 * ```ts
 * import { saveConfigChoice } from "@jmo/telemetry";
 * saveConfigChoice("/work/jmo.yml", false);
 * ```
 */
export function saveConfigChoice(path: string, enabled: boolean): void {
  const before = readText(path) ?? "";
  const after = setTelemetryChoice(before, enabled);
  if (after === before) return;
  // Through a symbolic link to the file it names, keeping the link and the file's mode.
  const existing = statSync(path, { throwIfNoEntry: false });
  if (existing === undefined) writeAtomic(path, after, 0o644);
  else writeAtomic(realpathSync(path), after, existing.mode & 0o7777);
}
