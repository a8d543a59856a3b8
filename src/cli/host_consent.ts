/**
 * Consent as a command decides it: from the environment, then the config
 * file, or the host's own parsed configuration given with `--config-json`.
 *
 * @module
 */

import type { ClientCore } from "../client/client_core.ts";
import { consentFromConfig, type CurrentConsent } from "../client/consent_from_config.ts";
import type { ConfigChoice } from "../consent/config_file.ts";
import { decideFromEnvironment } from "../consent/decide_consent.ts";
import { loadConfigChoiceLazily } from "../consent/load_config_choice_lazily.ts";

/** Where a `--config-json` choice says it came from, in `config:<path>` reasons. */
export const HOST_CONFIG_LABEL = "(--config-json)";

/** The flags that say where the config's choice comes from. */
export interface ConfigFlags {
  config?: string;
  "config-json"?: string;
}

/**
 * The host's JSON when its `telemetry.enabled` is a boolean or absent (what
 * the YAML reading would answer too, without loading the YAML parser), else
 * `"other"`: the config file's rules then decide.
 */
function plainChoice(json: string): boolean | undefined | "other" {
  let config: unknown;
  try {
    config = JSON.parse(json);
  } catch {
    return "other";
  }
  if (typeof config !== "object" || config === null || Array.isArray(config)) return "other";
  const telemetry = (config as Record<string, unknown>).telemetry;
  if (telemetry === undefined || telemetry === null) return undefined;
  if (typeof telemetry !== "object" || Array.isArray(telemetry)) return "other";
  const enabled = (telemetry as Record<string, unknown>).enabled;
  if (enabled === undefined || enabled === null) return undefined;
  return typeof enabled === "boolean" ? enabled : "other";
}

/**
 * The config's choice: the host's `--config-json` when given (its
 * `telemetry.enabled` read by the config file's rules), else the config
 * file, read only when no environment opt-out decides first. With
 * `remember` (the commands a host runs on every scan), the choice of a
 * config text already read comes from the state folder, and a new one is
 * remembered there (see `loadConfigChoiceLazily`).
 *
 * @example
 * ```ts
 * import { clientCore } from "../client/client_core.ts";
 * import { configChoiceFor } from "./host_consent.ts";
 * const core = clientCore({ env: {} });
 * (await configChoiceFor(core, { "config-json": '{"telemetry":{"enabled":false}}' })).enabled; // false
 * ```
 */
export async function configChoiceFor(
  core: ClientCore,
  flags: ConfigFlags,
  remember = false,
): Promise<ConfigChoice> {
  const json = flags["config-json"];
  if (json !== undefined) {
    const plain = plainChoice(json);
    if (plain !== "other") return { path: HOST_CONFIG_LABEL, enabled: plain };
    const { configChoiceFromText } = await import("../consent/config_file.ts");
    return configChoiceFromText(HOST_CONFIG_LABEL, json);
  }
  const path = core.settings.configPath;
  if (decideFromEnvironment(core.env) !== undefined) return { path, enabled: undefined };
  return await loadConfigChoiceLazily(path, remember ? core.settings.home : undefined);
}

/**
 * Decides consent by all five rules for a command given `flags` (the config
 * file's choice remembered with `remember`, as `configChoiceFor`); when
 * off, spooled events are deleted as every opt-out does.
 *
 * @example
 * ```ts
 * import { clientCore } from "../client/client_core.ts";
 * import { hostConsent } from "./host_consent.ts";
 * (await hostConsent(clientCore({ env: { DO_NOT_TRACK: "1" } }), {})).reason; // "env:DO_NOT_TRACK"
 * ```
 */
export async function hostConsent(
  core: ClientCore,
  flags: ConfigFlags,
  remember = false,
): Promise<CurrentConsent> {
  return consentFromConfig(core, await configChoiceFor(core, flags, remember));
}
