/**
 * The consent decision for this run, with the opt-out's duty applied: when
 * telemetry is off, what is still spooled is deleted unsent.
 *
 * @module
 */

import { type ConsentDecision, decideConsent, loadConfigChoice } from "../consent/mod.ts";
import { purgeSpool } from "../spool/purge_spool.ts";
import type { ClientCore } from "./client_core.ts";

/** The decision, and why the config file was ignored if it was. */
export interface CurrentConsent extends ConsentDecision {
  configProblem?: string;
}

/**
 * Decides consent by all five rules; when the answer is off, deletes any
 * spooled events (best effort: a read-only disk is no error here).
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { currentConsent } from "./current_consent.ts";
 * currentConsent(clientCore({ env: { DO_NOT_TRACK: "1" } })).reason; // "env:DO_NOT_TRACK"
 * ```
 */
export function currentConsent(core: ClientCore): CurrentConsent {
  const config = loadConfigChoice(core.settings.configPath);
  const decision: CurrentConsent = decideConsent(core.env, config);
  if (config.problem !== undefined) decision.configProblem = config.problem;
  if (!decision.enabled) {
    try {
      purgeSpool(core.settings.home);
    } catch { /* nothing to delete on a read-only or missing home */ }
  }
  return decision;
}
