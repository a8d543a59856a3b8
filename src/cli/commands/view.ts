/**
 * `jmo-telemetry view`: the maintainers' dashboard, raw NDJSON and CSV
 * export over collected events; also the source reading `report` shares.
 *
 * @module
 */

import { EARLIEST_YEAR } from "../../events/mod.ts";
import { writeFileSync } from "node:fs";
import {
  type Collection,
  describeSource,
  escapeControl,
  eventsBetween,
  type EventSource,
  eventsToCsv,
  parseDateBound,
  readSource,
  renderDashboard,
  resolveSource,
  SourceError,
  summarizeEvents,
  terminalStyle,
  wantsColour,
} from "../../analytics/mod.ts";
import { proxyFetch } from "../../transport/proxy_fetch.ts";
import type { Command, CommandContext } from "../command.ts";
import { InputError, UsageError } from "../errors.ts";
import { parseArgs } from "../parse_args.ts";

/** Milliseconds one request to a collector or to GitHub may take while reading events. */
export const SOURCE_TIMEOUT_MS = 60_000;

/** The `--source` help shared by `view` and `report`. */
export const SOURCE_HELP = `Sources (--source):
  http(s)://HOST  a collector: GET HOST/v1/export with the header
                  Authorization: Bearer $JMO_TELEMETRY_ADMIN_TOKEN
  gist:ID         a GitHub Gist: every events-*.jsonl file, read with
                  JMO_TELEMETRY_GITHUB_TOKEN from JMO_TELEMETRY_GITHUB_API
                  (default https://api.github.com)
  PATH            an NDJSON file (as --raw or \`show\` print), or a folder of
                  *.jsonl files such as a clone of the Gist
  -               standard input
  Without --source: gist:$JMO_TELEMETRY_GIST_ID when that is set, else the
  collector of JMO_TELEMETRY_ENDPOINT (default https://telemetry.jmotools.com).

Each event counts once, by its event_id; a line that is not a valid event is
skipped and counted (a note on stderr), never fatal.
`;

const HELP =
  `Usage: jmo-telemetry view [--source SOURCE] [--since DATE] [--raw | --export csv [--output FILE]]

The maintainers' dashboard over collected events: totals (events, unique
installs, scans started and completed, wizard runs, tool failures), events by
type, platforms and Python versions, profiles and execution modes, top tools,
failures and failure rate by tool (tool.failed events over the scan.started
events whose tools list the tool), duration and findings buckets, target
types, versions and the latest 10 events. Colour only on a terminal, never
when NO_COLOR is set.

Options:
  --source SOURCE  where to read events (below)
  --since DATE     only events timestamped at or after DATE: YYYY-MM-DD (UTC
                   midnight) or an ISO date-time with Z or an offset, from
                   the year 2000 on
  --raw            print the events as NDJSON, one a line, as read
  --export csv     write CSV (RFC 4180): one column per envelope field and per
                   flattened metadata field (metadata.target_types.repos);
                   arrays joined by ';'
  --output FILE    with --export: write the CSV to FILE, not standard output
  -h, --help       show this help

${SOURCE_HELP}`;

/**
 * Reads the events of `--source` (or the default source) for a command,
 * telling on stderr how many lines were skipped. A source that names
 * nothing (`gist:` without an id) is a `UsageError` with the command's
 * help, before any I/O; a source that cannot be read is an `InputError`;
 * both exit 2 with a message that says what to do. Whatever the source gave
 * (file names, keys, messages) is printed with its control characters
 * escaped.
 *
 * @example
 * ```ts
 * import { readCollection } from "./view.ts";
 * // const { collection, source } = await readCollection("events.jsonl", context, { name: "view", help: HELP });
 * ```
 */
export async function readCollection(
  spec: string | undefined,
  context: CommandContext,
  command: { name: string; help: string },
): Promise<{ collection: Collection; source: string }> {
  let source: EventSource;
  try {
    source = resolveSource(spec, context.env);
  } catch (error) {
    if (error instanceof SourceError) {
      throw new UsageError(escapeControl(error.message), command.help);
    }
    throw error;
  }
  try {
    const collection = await readSource(source, {
      fetch: proxyFetch(context.env),
      timeoutMs: SOURCE_TIMEOUT_MS,
      readStdin: context.readStdin,
      warn: (message) =>
        context.stderr(`jmo-telemetry ${command.name}: ${escapeControl(message)}\n`),
    });
    const [first] = collection.invalid;
    if (first !== undefined) {
      const where = `${first.origin} line ${first.lineNumber}: ${first.reason}`;
      context.stderr(
        `jmo-telemetry ${command.name}: skipped ${collection.invalid.length} line(s) that are not ` +
          `valid events (first: ${escapeControl(where)})\n`,
      );
    }
    return { collection, source: describeSource(source) };
  } catch (error) {
    if (error instanceof SourceError) throw new InputError(escapeControl(error.message));
    throw error;
  }
}

/**
 * Writes a command's output to `--output FILE`, or to standard output.
 *
 * @example
 * ```ts
 * import { writeOutput } from "./view.ts";
 * // writeOutput("report.html", html, context);
 * ```
 */
export function writeOutput(path: string | undefined, text: string, context: CommandContext): void {
  if (path === undefined) return context.stdout(text);
  try {
    writeFileSync(path, text);
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    throw new InputError(
      `cannot write ${escapeControl(path)} (${code}): choose another --output path`,
    );
  }
}

/** The `view` command. */
export const viewCommand: Command = {
  name: "view",
  summary: "the maintainers' dashboard over collected events (--raw, --export csv)",
  help: HELP,
  async run(args, context) {
    const { flags, help } = parseArgs(args, {
      source: { type: "string" },
      since: { type: "string" },
      raw: { type: "boolean" },
      export: { type: "string" },
      output: { type: "string" },
    }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return 0;
    }
    if (flags.export !== undefined && flags.export !== "csv") {
      throw new UsageError(`--export takes csv, not '${escapeControl(flags.export)}'`, HELP);
    }
    if (flags.raw && flags.export !== undefined) {
      throw new UsageError("--raw and --export exclude each other", HELP);
    }
    if (flags.output !== undefined && flags.export === undefined) {
      throw new UsageError("--output goes with --export csv", HELP);
    }
    const since = flags.since === undefined ? undefined : parseDateBound(flags.since);
    if (flags.since !== undefined) {
      const given = `--since '${escapeControl(flags.since)}'`;
      if (since === undefined) {
        throw new UsageError(
          `${given} is not a date: give YYYY-MM-DD or an ISO date-time such as 2026-01-01T00:00:00Z`,
          HELP,
        );
      }
      if (since.getUTCFullYear() < EARLIEST_YEAR) {
        throw new UsageError(
          `${given} is before ${EARLIEST_YEAR}: give a date from ${EARLIEST_YEAR} on, such as 2026-01-01`,
          HELP,
        );
      }
    }
    const { collection, source } = await readCollection(flags.source, context, {
      name: "view",
      help: HELP,
    });
    const events = eventsBetween(collection.events, { from: since });
    if (flags.raw) {
      context.stdout(events.map((e) => e.line + "\n").join(""));
    } else if (flags.export !== undefined) {
      writeOutput(flags.output, eventsToCsv(events), context);
    } else {
      const style = terminalStyle(wantsColour(context.env, context.tty.stdout));
      context.stdout(
        renderDashboard(summarizeEvents(events), { source, since, collection }, style),
      );
    }
    return 0;
  },
};
