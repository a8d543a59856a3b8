/**
 * The consent rules: the first that matches decides.
 *
 * @module
 */

import type { Environment } from "../settings/environment.ts";
import { parseEnvBoolean } from "../settings/parse_env_boolean.ts";
import { detectCi } from "./detect_ci.ts";

/** Whether telemetry is on, and the rule that decided it. */
export interface ConsentDecision {
  /** Whether telemetry is on. */
  enabled: boolean;
  /** `env:JMO_TELEMETRY_DISABLE`, `env:DO_NOT_TRACK`, `ci:<VARIABLE>`, `config:<path>` or `default`. */
  reason: string;
}

/**
 * Rules 1 to 3, which need only the environment: `JMO_TELEMETRY_DISABLE`,
 * `DO_NOT_TRACK`, CI. `undefined` when none applies. Cheap, so a disabled
 * `track` decides before loading anything else.
 *
 * @example
 * ```ts
 * import { decideFromEnvironment } from "@jmo/telemetry";
 * decideFromEnvironment({ DO_NOT_TRACK: "1" }); // { enabled: false, reason: "env:DO_NOT_TRACK" }
 * decideFromEnvironment({ CI: "0" }); // undefined
 * ```
 */
export function decideFromEnvironment(env: Environment): ConsentDecision | undefined {
  if (parseEnvBoolean(env.JMO_TELEMETRY_DISABLE) === true) {
    return { enabled: false, reason: "env:JMO_TELEMETRY_DISABLE" };
  }
  if (parseEnvBoolean(env.DO_NOT_TRACK) === true) {
    return { enabled: false, reason: "env:DO_NOT_TRACK" };
  }
  const ci = detectCi(env);
  if (ci !== undefined) return { enabled: false, reason: `ci:${ci}` };
  return undefined;
}

/**
 * All five rules in order: environment opt-outs, CI, then the config file's
 * `telemetry.enabled` (when it holds a boolean), else on by default.
 *
 * @example
 * ```ts
 * import { decideConsent } from "@jmo/telemetry";
 * decideConsent({}, { path: "/work/jmo.yml", enabled: false });
 * // { enabled: false, reason: "config:/work/jmo.yml" }
 * decideConsent({}, { path: "/work/jmo.yml", enabled: undefined });
 * // { enabled: true, reason: "default" }
 * ```
 */
export function decideConsent(
  env: Environment,
  config: { path: string; enabled: boolean | undefined },
): ConsentDecision {
  const fromEnvironment = decideFromEnvironment(env);
  if (fromEnvironment) return fromEnvironment;
  if (config.enabled !== undefined) {
    return { enabled: config.enabled, reason: `config:${config.path}` };
  }
  return { enabled: true, reason: "default" };
}
