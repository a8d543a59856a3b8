/**
 * `jmo-telemetry banner`: the first-run notice on a host's request, printed
 * or answered by the same rules `track scan.started` follows.
 *
 * @module
 */

import { bannerText, decideBanner } from "../../consent/banner.ts";
import { MODES } from "../../events/vocabulary.ts";
import { readState } from "../../install/mod.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { hostConsent } from "../host_consent.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry banner [--due] [options]

Prints the telemetry notice on stderr when it is due: telemetry is on, the
notice has been shown on fewer than three scans (every run in Docker), and
JMO_TELEMETRY_SHOWN is not set. It records nothing: the next
\`track scan.started\` records the showing. A host that printed the notice
this way runs that track with JMO_TELEMETRY_SHOWN=1, so it is not printed twice.

Options:
  --due              print "yes" or "no" on stdout instead: whether it is due
  --mode cli|docker|wizard  execution mode (docker shows it on every run)
  --config PATH      the config file (default: JMO_CONFIG, else ./jmo.yml)
  --config-json JSON the host's own parsed configuration, read instead of the config file
  -h, --help         show this help
`;

/** The `banner` command. */
export const bannerCommand: Command = {
  name: "banner",
  summary: "print the telemetry notice when due; --due answers whether it is",
  help: HELP,
  async run(args, context) {
    const { flags, help } = parseArgs(args, {
      due: { type: "boolean" },
      mode: { type: "string" },
      config: { type: "string" },
      "config-json": { type: "string" },
    }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return 0;
    }
    if (flags.mode !== undefined && !(MODES as readonly string[]).includes(flags.mode)) {
      throw new UsageError(`--mode must be one of ${MODES.join(", ")}`, HELP);
    }
    const core = clientCoreFor(context, flags.config);
    const { settings } = core;
    const on = !settings.noticeShownByHost && (await hostConsent(core, flags, true)).enabled;
    const decision = decideBanner(readState(settings.home).notice, {
      docker: settings.docker || flags.mode === "docker",
    });
    const due = on && decision.show;
    if (flags.due) context.stdout(due ? "yes\n" : "no\n");
    else if (due) context.stderr(bannerText(decision.firstShowing));
    return 0;
  },
};
