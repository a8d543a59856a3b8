/**
 * `jmo-telemetry purge`: delete every pending event unsent.
 *
 * @module
 */

import { describeFsError, fsErrorCode } from "../../fs/fs_error.ts";
import { purgeSpool, spoolLayout } from "../../spool/mod.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { DiskError } from "../errors.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry purge

Deletes every pending event, unsent, including batches the collector refused.
Exit 1 when the disk refuses (a read-only file system, say).

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
    const home = clientCoreFor(context).settings.home;
    let count: number;
    try {
      count = purgeSpool(home, { count: true });
    } catch (error) {
      if (fsErrorCode(error) === undefined) throw error;
      throw new DiskError(
        `could not delete the pending events in ${spoolLayout(home).root} (${
          describeFsError(error)
        }); some or all are still there: make it writable, then run \`jmo-telemetry purge\` again`,
      );
    }
    context.stdout(`Deleted ${count} pending event${count === 1 ? "" : "s"}.\n`);
    return Promise.resolve(0);
  },
};
