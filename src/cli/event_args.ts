/**
 * The arguments `track` and `check` share: the event, its metadata and the
 * flags that complete its envelope.
 *
 * @module
 */

import { EventValidationError } from "../events/validation_error.ts";
import { EVENT_NAMES, type Mode, MODES } from "../events/vocabulary.ts";
import { describeFsError } from "../fs/fs_error.ts";
import { MAX_REGULAR_FILE_BYTES, readRegularFile } from "../fs/read_regular_file.ts";
import type { CommandContext } from "./command.ts";
import { UsageError } from "./errors.ts";
import { type FlagSpec, parseArgs } from "./parse_args.ts";

/** The options of `track` and `check`, as their help texts list them. */
export const EVENT_OPTIONS_HELP = `  --meta JSON             the event's metadata as a JSON object
  --meta-file PATH|-      read the metadata from a file (at most 1 MiB), or from
                          stdin with -
  --tool-version V        the host tool's version (default: this client's)
  --python-version V      the host's Python version: 3.12.0rc1 is kept as 3.12
  --mode cli|docker|wizard  execution mode of scan events
  --strict                refuse an unknown key or a profile, policy, tool or
                          output format outside the schema (as JMO_TELEMETRY_STRICT=1)`;

const FLAGS = {
  meta: { type: "string" },
  "meta-file": { type: "string" },
  "tool-version": { type: "string" },
  "python-version": { type: "string" },
  mode: { type: "string" },
  strict: { type: "boolean" },
  config: { type: "string" },
} as const;

/** An event as the command line names it, before its metadata is read. */
export interface EventArgs {
  event: string;
  flags: {
    meta?: string;
    "meta-file"?: string;
    "tool-version"?: string;
    "python-version"?: string;
    mode?: Mode;
    strict?: boolean;
    config?: string;
    /** `track` only: the host's parsed configuration as JSON. */
    "config-json"?: string;
    /** `track` only: the host already counted this scan. */
    "scan-counted"?: boolean;
  };
  /** `--help` was given. */
  help: boolean;
}

/**
 * Parses `EVENT [options]` strictly, without reading anything: a missing or
 * empty event name, or a mode outside `cli|docker|wizard`, is a `UsageError`.
 * `extra` adds a command's own flags to the shared ones.
 *
 * @example
 * ```ts
 * import { parseEventArgs } from "./event_args.ts";
 * parseEventArgs(["scan.started", "--strict"], "Usage: ...").flags.strict; // true
 * ```
 */
export function parseEventArgs(
  args: string[],
  help: string,
  extra: Record<string, FlagSpec> = {},
): EventArgs {
  const parsed = parseArgs(args, { ...FLAGS, ...extra }, { help, maxPositionals: 1 });
  if (parsed.help) return { event: "", flags: {}, help: true };
  const event = parsed.positionals[0];
  if (event === undefined) throw new UsageError("missing EVENT", help);
  if (event.trim() === "") {
    throw new UsageError(`event name is empty: give one of ${EVENT_NAMES.join(", ")}`, help);
  }
  const mode = parsed.flags.mode;
  if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`--mode must be one of ${MODES.join(", ")}`, help);
  }
  return { event, flags: { ...parsed.flags, mode: mode as Mode | undefined }, help: false };
}

/** The text without a leading byte-order mark (PowerShell 5 writes one). */
function withoutBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/**
 * The metadata text of `--meta`, `--meta-file PATH` or `--meta-file -`
 * (standard input, at most 1 MiB); `{}` when none is given.
 *
 * @example
 * ```ts
 * import { readMetadataText } from "./event_args.ts";
 * // const text = await readMetadataText({ meta: "{}" }, context, HELP);
 * ```
 */
export async function readMetadataText(
  flags: { meta?: string; "meta-file"?: string },
  context: CommandContext,
  help: string,
): Promise<string> {
  if (flags.meta !== undefined && flags["meta-file"] !== undefined) {
    throw new UsageError("give --meta or --meta-file, not both", help);
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
      help,
    );
  }
}

/**
 * The metadata as JSON; text that does not parse refuses the event (exit 2).
 *
 * @example
 * ```ts
 * import { parseMetadataJson } from "./event_args.ts";
 * parseMetadataJson("scan.started", '{"profile":"fast"}'); // { profile: "fast" }
 * ```
 */
export function parseMetadataJson(event: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "parse error";
    throw new EventValidationError(event, "metadata", `is not valid JSON (${reason})`);
  }
}
