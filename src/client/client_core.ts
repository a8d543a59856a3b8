/**
 * What every client operation needs: settings, environment, clock, versions.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { homedir as osHomedir } from "node:os";
import { sep } from "node:path";
import process from "node:process";
import { CI_MARKERS } from "../consent/detect_ci.ts";
import { platformName } from "../events/platform.ts";
import type { Mode, Platform } from "../events/vocabulary.ts";
import {
  type Environment,
  ENVIRONMENT_VARIABLES,
  homeFromEnvironment,
  readEnvironment,
  resolveSettings,
  type Settings,
} from "../settings/mod.ts";
import { VERSION } from "../version.ts";

/** Options of a client; everything defaults to the real process. */
export interface ClientOptions {
  /**
   * Environment variables (default: the documented ones of `process.env`,
   * each read on its own; one the runtime refuses reads as unset).
   */
  env?: Environment;
  /** The user's home directory (default `HOME`, or `USERPROFILE` on Windows, else `os.homedir()`). */
  homedir?: string;
  /** The working directory, where `jmo.yml` is looked for (default `process.cwd()`). */
  cwd?: string;
  /** The config file, overriding `JMO_CONFIG` and `jmo.yml`. */
  configPath?: string;
  /** The clock (default `() => new Date()`). */
  now?: () => Date;
  /** The version put in events when the host gives none (default this client's). */
  version?: string;
  /**
   * Refuse events with an unknown key or a value outside the schema instead
   * of dropping or normalising it (default: `JMO_TELEMETRY_STRICT`), for the
   * host's own tests.
   */
  strict?: boolean;
}

/** The resolved context of a client. */
export interface ClientCore {
  /** The environment variables the client reads. */
  env: Environment;
  /** The settings resolved from them: home, config path, transport, timeouts. */
  settings: Settings;
  /** The clock. */
  now: () => Date;
  /** The version put in events when the host gives none. */
  version: string;
  /** The platform as events name it. */
  platform: Platform;
  /** The mode used when neither the host nor the metadata names one. */
  defaultMode: Mode;
  /** Whether events are refused rather than normalised. */
  strict: boolean;
}

/** The variables a client reads: the documented ones and the CI markers. */
export const CLIENT_VARIABLES: readonly string[] = [
  ...ENVIRONMENT_VARIABLES,
  ...CI_MARKERS,
];

/** Whether `/.dockerenv` exists; a runtime that may not look reads as no. */
function dockerenvExists(): boolean {
  try {
    return existsSync("/.dockerenv");
  } catch {
    return false;
  }
}

/**
 * Resolves a client's context from its options and the process. Throws
 * when the home directory cannot be known (no `HOME` and a runtime that
 * refuses `os.homedir()`).
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * const core = clientCore({ env: { JMO_HOME: "/tmp/jmo-home" }, cwd: "/tmp" });
 * core.settings.home; // "/tmp/jmo-home"
 * ```
 */
export function clientCore(options: ClientOptions = {}): ClientCore {
  const env = options.env ?? readEnvironment(CLIENT_VARIABLES);
  const settings = resolveSettings(env, {
    homedir: options.homedir ?? homeFromEnvironment(env, process.platform) ?? osHomedir(),
    cwd: options.cwd ?? process.cwd(),
    dockerenv: dockerenvExists(),
    sep,
  }, options.configPath);
  return {
    env,
    settings,
    now: options.now ?? (() => new Date()),
    version: options.version ?? VERSION,
    platform: platformName(process.platform),
    defaultMode: settings.docker ? "docker" : "cli",
    strict: options.strict ?? settings.strict,
  };
}
