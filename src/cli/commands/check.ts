/**
 * `jmo-telemetry check`: build an event as `track` would record it, and record nothing.
 *
 * @module
 */

import { checkEvent } from "../../client/check_event.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { describeChanges } from "../../events/describe_changes.ts";
import { UsageError } from "../errors.ts";
import {
  EVENT_OPTIONS_HELP,
  parseEventArgs,
  parseMetadataJson,
  readMetadataText,
} from "../event_args.ts";

const HELP = `Usage: jmo-telemetry check EVENT [options]

Validates and normalises EVENT as track would, records nothing, and prints
on stdout the envelope that would be stored (its ids are fresh random ones).
It reads no config file and works whether telemetry is on or off, so a host's
own tests and CI can catch an event the client would refuse or change. What
normalisation would change is named on stderr; with --strict (or
JMO_TELEMETRY_STRICT=1) it is refused instead.

Options:
${EVENT_OPTIONS_HELP}
  -h, --help              show this help

Exit 0 when the event would be recorded; 2 when it would be refused (the
event and the field are named on stderr).
`;

/** The `check` command. */
export const checkCommand: Command = {
  name: "check",
  summary: "validate and normalise an event as track would, without recording it",
  help: HELP,
  async run(args, context) {
    const { event, flags, help } = parseEventArgs(args, HELP);
    if (help) {
      context.stdout(HELP);
      return 0;
    }
    if (flags.config !== undefined) {
      throw new UsageError("check reads no config file: leave out --config", HELP);
    }
    const metadataText = await readMetadataText(flags, context, HELP);
    const { envelope, changes } = checkEvent(clientCoreFor(context), {
      event,
      metadata: parseMetadataJson(event, metadataText),
      toolVersion: flags["tool-version"],
      pythonVersion: flags["python-version"],
      mode: flags.mode,
      strict: flags.strict,
    });
    context.stderr(describeChanges("jmo-telemetry check", event, changes));
    context.stdout(JSON.stringify(envelope) + "\n");
    return 0;
  },
};
