/**
 * `jmo-telemetry purge`: delete every pending event unsent.
 *
 * @module
 */

import { purgeSpool } from "../../spool/mod.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry purge

Deletes every pending event, unsent, including batches the collector refused.

Options:
  -h, --help  show this help
`;

/** The `purge` command. */
export const purgeCommand: Command = {
  name: "purge",
  summary: "delete every pending event unsent",
  help: HELP,
  run(args, context) {
    const { help } = parseArgs(args, {}, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return Promise.resolve(0);
    }
    const count = purgeSpool(clientCoreFor(context).settings.home, { count: true });
    context.stdout(`Deleted ${count} pending event${count === 1 ? "" : "s"}.\n`);
    return Promise.resolve(0);
  },
};
