/**
 * The consent decision for this run, reading the config file.
 *
 * @module
 */

import { loadConfigChoice } from "../consent/config_file.ts";
import { decideFromEnvironment } from "../consent/decide_consent.ts";
import type { ClientCore } from "./client_core.ts";
import { consentFromConfig, type CurrentConsent } from "./consent_from_config.ts";

/**
 * Decides consent by all five rules; when the answer is off, deletes any
 * spooled events (best effort: a read-only disk is no error here).
 *
 * @example
 * ```ts
 * import { createClient, currentConsent } from "@jmo/telemetry";
 * const { core } = createClient({ env: { DO_NOT_TRACK: "1" } });
 * currentConsent(core).reason; // "env:DO_NOT_TRACK"
 * ```
 */
export function currentConsent(core: ClientCore): CurrentConsent {
  const path = core.settings.configPath;
  // An environment opt-out decides before the config file is even read.
  const envDecides = decideFromEnvironment(core.env) !== undefined;
  return consentFromConfig(
    core,
    envDecides ? { path, enabled: undefined } : loadConfigChoice(path),
  );
}
