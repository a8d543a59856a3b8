/**
 * `jmo-telemetry flush`: deliver everything pending now and say what happened.
 *
 * @module
 */

import { flushInstall } from "../../client/flush_install.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { EXIT, UsageError } from "../errors.ts";
import { formatFlushReport } from "../format_flush_report.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry flush [--timeout SECONDS] [--config PATH]

Delivers every pending event now, ignoring the backoff, in batches of at most
500 events and 256 KiB, then prints what was sent, what is kept and why, and
what was dropped (expired, over the 5 MiB cap, refused by the server). A batch
leaves the spool only once the server accepted it. Batches the server refused
are set aside in spool/rejected/, kept at most JMO_TELEMETRY_MAX_AGE_DAYS and
1 MiB (the oldest are deleted first). Nothing is sent before the first-run
notice was shown on this install (it shows with "track scan.started").
With JMO_TELEMETRY_DEBUG=1 each batch is printed on stderr as it would be
sent, and nothing is sent.

Exit 0 when nothing remains pending; 3 when events remain (kept for a later
attempt, for example while the network is down).

Options:
  --timeout SECONDS  how long each request may take (default:
                     JMO_TELEMETRY_TIMEOUT_SECONDS, else 2)
  --config PATH      the config file (default: JMO_CONFIG, else ./jmo.yml)
  -h, --help         show this help
`;

function timeoutMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds, not '${value}'`, HELP);
  }
  return seconds * 1000;
}

/**
 * The `flush` command. The hidden `--background` is how `track` runs it in a
 * detached process: it waits out the backoff, yields to a running flusher,
 * prints nothing and always exits 0.
 */
export const flushCommand: Command = {
  name: "flush",
  summary: "deliver every pending event now, ignoring the backoff",
  help: HELP,
  async run(args, context) {
    const { flags, help } = parseArgs(args, {
      timeout: { type: "string" },
      config: { type: "string" },
      background: { type: "boolean" },
    }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return EXIT.ok;
    }
    const background = flags.background === true;
    const report = await flushInstall(clientCoreFor(context, flags.config), {
      background,
      timeoutMs: timeoutMs(flags.timeout),
      onDebug: context.stderr,
    });
    if (background) return EXIT.ok;
    context.stdout(formatFlushReport(report));
    return report.kept > 0 ? EXIT.pending : EXIT.ok;
  },
};
