/**
 * `jmo-telemetry track`: validate an event and record it, never failing the host.
 *
 * @module
 */

import type { Command, CommandContext } from "../command.ts";
import { EVENT_OPTIONS_HELP, parseEventArgs, readMetadataText } from "../event_args.ts";
import { purgeIfOptedOut } from "../opted_out_track.ts";
import type { TrackedEvent } from "../record_tracked_event.ts";

const HELP = `Usage: jmo-telemetry track EVENT [options]

Validates EVENT and records it in the spool, then returns at once; delivery
happens later in a detached background process. Events: scan.started,
scan.completed, tool.failed, wizard.completed, report.generated,
policy.evaluated.

Options:
${EVENT_OPTIONS_HELP}
  --config PATH           the config file (default: JMO_CONFIG, else ./jmo.yml)
  --config-json JSON      the host's own parsed configuration, read instead of
                          the config file (its telemetry.enabled decides)
  --scan-counted          scan.started: the host already advanced the scan count
                          for this scan (scan-count --increment)
  -h, --help              show this help

A key the schema does not know is dropped, and a profile or policy that is
not built in is recorded as custom, a tool name or output format outside the
schema as other: the event is kept, the free text is not (status counts it,
JMO_TELEMETRY_DEBUG=1 names it). Values of the wrong kind are refused.
scan.completed also takes raw duration_seconds and total_findings, and
wizard.completed raw duration_seconds; they are bucketed before anything is
written. Exit 0 when recorded, when telemetry is off, and on any disk or
network trouble; 2 when the event is refused.
`;

/** The `track` command. */
export const trackCommand: Command = {
  name: "track",
  summary: "validate an event and record it in the spool",
  help: HELP,
  async run(args, context) {
    const { event, flags, help } = parseEventArgs(args, HELP, {
      "config-json": { type: "string" },
      "scan-counted": { type: "boolean" },
    });
    if (help) {
      context.stdout(HELP);
      return 0;
    }
    if (await purgeIfOptedOut(context.env, context.homedir)) return 0;
    const metadataText = await readMetadataText(flags, context, HELP);
    const { recordTrackedEvent } = await import("../record_tracked_event.ts");
    const recorded = await recordTrackedEvent({
      event,
      metadataText,
      toolVersion: flags["tool-version"],
      pythonVersion: flags["python-version"],
      mode: flags.mode,
      strict: flags.strict,
      configPath: flags.config,
      configJson: flags["config-json"],
      scanCounted: flags["scan-counted"],
    }, context);
    if (recorded !== undefined) await startFlushIfDue(recorded, context, flags.config);
    return 0;
  },
};

/**
 * Starts a detached `flush --background` when delivery is due (the end of a
 * scan, or an event waiting an hour) and no flusher runs, loading only what
 * that check needs.
 */
async function startFlushIfDue(
  recorded: TrackedEvent,
  context: CommandContext,
  configPath: string | undefined,
): Promise<void> {
  const { core, outcome } = recorded;
  // One file, not the transport's mod.ts: `track` loads only what the check needs.
  const trigger = await import("../../transport/start_flush_if_due.ts");
  trigger.startFlushIfDue({
    event: outcome.envelope.event,
    home: core.settings.home,
    debug: core.settings.debug,
    holdDelivery: outcome.holdDelivery,
    nowMs: core.now().getTime(),
  }, { env: context.env, cwd: context.cwd, configPath });
}
