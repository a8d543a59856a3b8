/**
 * `jmo-telemetry consent`: the opt-in question, on a terminal only.
 *
 * @module
 */

import {
  answerIsYes,
  CONSENT_QUESTION,
  consentNotice,
  loadConfigChoice,
  saveConfigChoice,
} from "../../consent/mod.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { InputError } from "../errors.ts";
import { parseArgs } from "../parse_args.ts";
import { purgeAfterOptOut } from "../purge_after_opt_out.ts";
import { saveChoiceError } from "../save_choice_error.ts";

const HELP = `Usage: jmo-telemetry consent [--config PATH]

On a terminal, when the config file holds no choice yet, shows what is
collected and asks "Enable anonymous telemetry? [y/N]". y or yes records
telemetry.enabled: true; Enter or anything else records false. When not on a
terminal, or when a choice is already recorded, asks nothing and changes nothing.

Options:
  --config PATH  the config file (default: JMO_CONFIG, else ./jmo.yml)
  -h, --help     show this help
`;

/** The `consent` command. */
export const consentCommand: Command = {
  name: "consent",
  summary: "ask for consent on a terminal when the config holds no choice",
  help: HELP,
  async run(args, context) {
    const { flags, help } = parseArgs(args, { config: { type: "string" } }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return 0;
    }
    if (!context.tty.stdin || !context.tty.stderr) return 0;
    const core = clientCoreFor(context, flags.config);
    const path = core.settings.configPath;
    const config = loadConfigChoice(path);
    if (config.problem !== undefined) {
      throw new InputError(
        `${path}: ${config.problem}; fix it, then run \`jmo-telemetry consent\` again`,
      );
    }
    if (config.enabled !== undefined) return 0;
    context.stderr(consentNotice(path) + CONSENT_QUESTION);
    const enabled = answerIsYes(await context.readLine());
    try {
      saveConfigChoice(path, enabled);
    } catch (error) {
      throw saveChoiceError(path, error, "consent");
    }
    if (!enabled) purgeAfterOptOut(core.settings.home, context.stderr);
    context.stderr(
      `\nTelemetry ${enabled ? "enabled" : "disabled"}. You can change this later in ${path}\n`,
    );
    return 0;
  },
};
