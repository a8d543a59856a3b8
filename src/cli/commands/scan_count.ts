/**
 * `jmo-telemetry scan-count`: the install's scan count and its frequency
 * hint, advanced on request.
 *
 * @module
 */

import { scanFrequencyHint } from "../../events/buckets.ts";
import { advanceScanCount, installPaths, readScanCountFile } from "../../install/mod.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { hostConsent } from "../host_consent.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry scan-count [--increment] [--file PATH] [options]

Prints the scan count and the scan frequency hint it gives, as "COUNT HINT":
first_time (1), weekly (2-10), daily (11 or more).

Options:
  --increment        add this scan first (the Python API's infer_scan_frequency());
                     when telemetry is off the state folder is left as it is and
                     the answer is what the count would be
  --file PATH        the count file to use instead of scan-count in the state
                     folder: the host's own file, always written (its folder is made)
  --config PATH      the config file (default: JMO_CONFIG, else ./jmo.yml)
  --config-json JSON the host's own parsed configuration, read instead of the config file
  -h, --help         show this help

A host that advanced the count gives \`track scan.started --scan-counted\`, so
the scan is counted once.
`;

/** The `scan-count` command. */
export const scanCountCommand: Command = {
  name: "scan-count",
  summary: "print the scan count and frequency hint; --increment adds a scan",
  help: HELP,
  async run(args, context) {
    const { flags, help } = parseArgs(args, {
      increment: { type: "boolean" },
      file: { type: "string" },
      config: { type: "string" },
      "config-json": { type: "string" },
    }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return 0;
    }
    const core = clientCoreFor(context, flags.config);
    const paths = installPaths(core.settings.home);
    const file = flags.file ?? paths.scanCountFile;
    let count = readScanCountFile(file);
    if (flags.increment) {
      const writes = flags.file !== undefined || (await hostConsent(core, flags, true)).enabled;
      count = writes
        ? advanceScanCount(file, flags.file === undefined ? paths.lockFile : `${file}.lock`)
        : count + 1;
    }
    context.stdout(`${count} ${scanFrequencyHint(count)}\n`);
    return 0;
  },
};
