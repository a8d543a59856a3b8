/**
 * `jmo-telemetry track`: validate an event and record it, never failing the host.
 *
 * @module
 */

import { EVENT_NAMES, MODES } from "../../events/vocabulary.ts";
import { describeFsError } from "../../fs/fs_error.ts";
import { MAX_REGULAR_FILE_BYTES, readRegularFile } from "../../fs/read_regular_file.ts";
import type { Command, CommandContext } from "../command.ts";
import { UsageError } from "../errors.ts";
import { purgeIfOptedOut } from "../opted_out_track.ts";
import { parseArgs } from "../parse_args.ts";
import type { TrackedEvent } from "../record_tracked_event.ts";

const HELP = `Usage: jmo-telemetry track EVENT [options]

Validates EVENT and records it in the spool, then returns at once; delivery
happens later in a detached background process. Events: scan.started,
scan.completed, tool.failed, wizard.completed, report.generated.

Options:
  --meta JSON             the event's metadata as a JSON object
  --meta-file PATH|-      read the metadata from a file (at most 1 MiB), or from
                          stdin with -
  --tool-version V        the host tool's version (default: this client's)
  --python-version V      the host's Python version: 3.12.0rc1 is kept as 3.12
  --mode cli|docker|wizard  execution mode of scan events
  --config PATH           the config file (default: JMO_CONFIG, else ./jmo.yml)
  -h, --help              show this help

scan.completed also takes raw duration_seconds and total_findings; they are
bucketed before anything is written. Exit 0 when recorded, when telemetry is
off, and on any disk or network trouble; 2 when the event is refused.
`;

const FLAGS = {
  meta: { type: "string" },
  "meta-file": { type: "string" },
  "tool-version": { type: "string" },
  "python-version": { type: "string" },
  mode: { type: "string" },
  config: { type: "string" },
} as const;

/** The text without a leading byte-order mark (PowerShell 5 writes one). */
function withoutBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

async function readMetadata(
  flags: { meta?: string; "meta-file"?: string },
  context: CommandContext,
): Promise<string> {
  if (flags.meta !== undefined && flags["meta-file"] !== undefined) {
    throw new UsageError("give --meta or --meta-file, not both", HELP);
  }
  if (flags.meta !== undefined) return flags.meta;
  const file = flags["meta-file"];
  if (file === undefined) return "{}";
  try {
    if (file === "-") return withoutBom(await context.readStdin(MAX_REGULAR_FILE_BYTES));
    return withoutBom(readRegularFile(file));
  } catch (error) {
    throw new UsageError(
      `cannot read --meta-file ${file} (${
        describeFsError(error)
      }): give a regular file of at most 1 MiB, or - for stdin`,
      HELP,
    );
  }
}

/** The `track` command. */
export const trackCommand: Command = {
  name: "track",
  summary: "validate an event and record it in the spool",
  help: HELP,
  async run(args, context) {
    const { flags, positionals, help } = parseArgs(args, FLAGS, { help: HELP, maxPositionals: 1 });
    if (help) {
      context.stdout(HELP);
      return 0;
    }
    const event = positionals[0];
    if (event === undefined) throw new UsageError("missing EVENT", HELP);
    if (event.trim() === "") {
      throw new UsageError(`event name is empty: give one of ${EVENT_NAMES.join(", ")}`, HELP);
    }
    const mode = flags.mode;
    if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) {
      throw new UsageError(`--mode must be one of ${MODES.join(", ")}`, HELP);
    }
    if (await purgeIfOptedOut(context.env, context.homedir)) return 0;
    const metadataText = await readMetadata(flags, context);
    const { recordTrackedEvent } = await import("../record_tracked_event.ts");
    const recorded = await recordTrackedEvent({
      event,
      metadataText,
      toolVersion: flags["tool-version"],
      pythonVersion: flags["python-version"],
      mode: mode as typeof MODES[number] | undefined,
      configPath: flags.config,
    }, context);
    if (recorded !== undefined) await startFlushIfDue(recorded, context, flags.config);
    return 0;
  },
};

/**
 * Starts a detached `flush --background` when delivery is due (the end of a
 * scan, or an event waiting an hour; not debug, the notice shown in an
 * earlier scan, the backoff passed) and no flusher runs. Whatever goes wrong
 * here is swallowed: delivery waits for a later run.
 */
async function startFlushIfDue(
  recorded: TrackedEvent,
  context: CommandContext,
  configPath: string | undefined,
): Promise<void> {
  try {
    const { core, outcome } = recorded;
    const home = core.settings.home;
    const nowMs = core.now().getTime();
    // Single files, not the transport's mod.ts: `track` loads only what the check needs.
    const { flushDue } = await import("../../transport/flush_due.ts");
    const { flusherRunning } = await import("../../transport/flush_lease.ts");
    const { readState } = await import("../../install/mod.ts");
    const { oldestSealedMs, processIsAlive } = await import("../../spool/mod.ts");
    const event = outcome.envelope.event;
    const oldestPendingMs = oldestSealedMs(home);
    const facts = { event, oldestPendingMs, debug: core.settings.debug, nowMs };
    if (!flushDue({ ...facts, holdDelivery: outcome.holdDelivery, state: readState(home) })) return;
    if (flusherRunning(home, nowMs, processIsAlive)) return;
    const { startBackgroundFlush } = await import("../../transport/start_background_flush.ts");
    startBackgroundFlush({ env: context.env, cwd: context.cwd, configPath });
  } catch { /* a damaged state file or a spawn failure: the next run tries again */ }
}
