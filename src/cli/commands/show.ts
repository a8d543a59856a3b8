/**
 * `jmo-telemetry show`: every pending event exactly as it would be sent.
 *
 * @module
 */

import { applyRetention } from "../../client/apply_retention.ts";
import { currentConsent } from "../../client/current_consent.ts";
import { pendingEvents } from "../../spool/mod.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry show [--config PATH]

Prints every pending event exactly as it would be sent, one NDJSON line each,
oldest first. Prints nothing when nothing is pending. Events past the spool's
limits (JMO_TELEMETRY_MAX_AGE_DAYS, 5 MiB) are dropped and counted first.

Options:
  --config PATH  the config file (default: JMO_CONFIG, else ./jmo.yml)
  -h, --help     show this help
`;

/** The `show` command. */
export const showCommand: Command = {
  name: "show",
  summary: "print every pending event as it would be sent (NDJSON)",
  help: HELP,
  run(args, context) {
    const { flags, help } = parseArgs(args, { config: { type: "string" } }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return Promise.resolve(0);
    }
    const core = clientCoreFor(context, flags.config);
    if (!currentConsent(core).enabled) return Promise.resolve(0);
    applyRetention(core);
    const lines = pendingEvents(core.settings.home).map((e) => e.line + "\n");
    context.stdout(lines.join(""));
    return Promise.resolve(0);
  },
};
