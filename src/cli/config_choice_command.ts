/**
 * `enable` and `disable`: one command shape, two values.
 *
 * @module
 */

import { decideFromEnvironment, saveConfigChoice } from "../consent/mod.ts";
import { clientCoreFor } from "./client_core_for.ts";
import type { Command } from "./command.ts";
import { saveChoiceError } from "./save_choice_error.ts";
import { parseArgs } from "./parse_args.ts";
import { purgeAfterOptOut } from "./purge_after_opt_out.ts";

/**
 * Makes the command that writes `telemetry.enabled: <enabled>` into the
 * config file, keeping every other key and comment. `disable` also deletes
 * what is still spooled.
 *
 * @example
 * ```ts
 * import { configChoiceCommand } from "./config_choice_command.ts";
 * export const enableCommand = configChoiceCommand(true);
 * ```
 */
export function configChoiceCommand(enabled: boolean): Command {
  const name = enabled ? "enable" : "disable";
  const help = `Usage: jmo-telemetry ${name} [--config PATH]

Writes telemetry.enabled: ${enabled} into the config file (default: JMO_CONFIG,
else ./jmo.yml; created if absent). Every other key and comment is kept.${
    enabled ? "" : "\nEvents still waiting to be sent are deleted unsent."
  }

Options:
  --config PATH  the config file
  -h, --help     show this help
`;
  return {
    name,
    summary: `write telemetry.enabled: ${enabled} into the config file`,
    help,
    run(args, context) {
      const { flags, help: wantsHelp } = parseArgs(args, { config: { type: "string" } }, { help });
      if (wantsHelp) {
        context.stdout(help);
        return Promise.resolve(0);
      }
      const core = clientCoreFor(context, flags.config);
      const path = core.settings.configPath;
      try {
        saveConfigChoice(path, enabled);
      } catch (error) {
        throw saveChoiceError(path, error, name);
      }
      if (!enabled) purgeAfterOptOut(core.settings.home, context.stderr);
      context.stdout(`Telemetry ${enabled ? "enabled" : "disabled"} in ${path}\n`);
      const override = decideFromEnvironment(context.env);
      if (enabled && override) {
        context.stderr(
          `Note: telemetry stays off while ${override.reason.replace(/^(env|ci):/, "")} is set.\n`,
        );
      }
      return Promise.resolve(0);
    },
  };
}
