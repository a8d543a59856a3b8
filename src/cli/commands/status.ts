/**
 * `jmo-telemetry status`.
 *
 * @module
 */

import { clientCoreFor } from "../client_core_for.ts";
import { applyRetention } from "../../client/apply_retention.ts";
import { currentConsent } from "../../client/current_consent.ts";
import { readStatus } from "../../client/read_status.ts";
import type { Command } from "../command.ts";
import { formatStatus } from "../format_status.ts";
import { hostConsent } from "../host_consent.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry status [--json] [--config PATH | --config-json JSON]

Shows whether telemetry is on and which rule decided it, the anonymous id,
the scan count, pending events (count, bytes, oldest age), the transport and
endpoint, the last flush, the next automatic attempt and dropped counts.

Options:
  --json         print one JSON object instead
  --config PATH  the config file (default: JMO_CONFIG, else ./jmo.yml)
  --config-json JSON  the host's own parsed configuration, read instead of
                 the config file (its telemetry.enabled decides)
  -h, --help     show this help
`;

/** The `status` command. */
export const statusCommand: Command = {
  name: "status",
  summary: "show consent, id, scan count, spool and delivery state",
  help: HELP,
  async run(args, context) {
    const { flags, help } = parseArgs(args, {
      json: { type: "boolean" },
      config: { type: "string" },
      "config-json": { type: "string" },
    }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return 0;
    }
    const core = clientCoreFor(context, flags.config);
    const consent = flags["config-json"] === undefined
      ? currentConsent(core)
      : await hostConsent(core, flags);
    // The binary drops what the spool's limits drop; `readStatus` alone only counts it.
    if (consent.enabled) applyRetention(core);
    const report = readStatus(core, consent);
    context.stdout(flags.json ? JSON.stringify(report, null, 2) + "\n" : formatStatus(report));
    return 0;
  },
};
