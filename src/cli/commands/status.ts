/**
 * `jmo-telemetry status`.
 *
 * @module
 */

import { clientCoreFor } from "../client_core_for.ts";
import { readStatus } from "../../client/read_status.ts";
import type { Command } from "../command.ts";
import { formatStatus } from "../format_status.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry status [--json] [--config PATH]

Shows whether telemetry is on and which rule decided it, the anonymous id,
the scan count, pending events (count, bytes, oldest age), the transport and
endpoint, the last flush, the next automatic attempt and dropped counts.

Options:
  --json         print one JSON object instead
  --config PATH  the config file (default: JMO_CONFIG, else ./jmo.yml)
  -h, --help     show this help
`;

/** The `status` command. */
export const statusCommand: Command = {
  name: "status",
  summary: "show consent, id, scan count, spool and delivery state",
  help: HELP,
  run(args, context) {
    const { flags, help } = parseArgs(args, {
      json: { type: "boolean" },
      config: { type: "string" },
    }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return Promise.resolve(0);
    }
    const report = readStatus(clientCoreFor(context, flags.config));
    context.stdout(flags.json ? JSON.stringify(report, null, 2) + "\n" : formatStatus(report));
    return Promise.resolve(0);
  },
};
