/**
 * The consent decision for this run from what the config file says, with the
 * opt-out's duty applied: when telemetry is off, what is still spooled is
 * deleted unsent.
 *
 * @module
 */

import type { ConfigChoice } from "../consent/config_file.ts";
import { type ConsentDecision, decideConsent } from "../consent/decide_consent.ts";
import { purgeSpool } from "../spool/purge_spool.ts";
import type { ClientCore } from "./client_core.ts";

/** The decision, and why the config file was ignored if it was. */
export interface CurrentConsent extends ConsentDecision {
  /** Why the config file was ignored (unreadable or not YAML), when it was. */
  configProblem?: string;
}

/**
 * Decides consent by all five rules, given the config file's choice; when
 * the answer is off, deletes any spooled events (best effort: a read-only
 * disk is no error here).
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { consentFromConfig } from "./consent_from_config.ts";
 * const core = clientCore({ env: { JMO_HOME: "/tmp/jmo-home" } });
 * consentFromConfig(core, { path: "/work/jmo.yml", enabled: false }).reason; // "config:/work/jmo.yml"
 * ```
 */
export function consentFromConfig(core: ClientCore, config: ConfigChoice): CurrentConsent {
  const decision: CurrentConsent = decideConsent(core.env, config);
  if (config.problem !== undefined) decision.configProblem = config.problem;
  // A file this runtime cannot parse turns telemetry off for the run, deleting nothing.
  if (!decision.enabled && config.parserMissing !== true) {
    try {
      purgeSpool(core.settings.home);
    } catch { /* nothing to delete on a read-only or missing home */ }
  }
  return decision;
}
