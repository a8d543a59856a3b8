/**
 * `jmo-telemetry report`: the quarterly transparency report.
 *
 * @module
 */

import { EARLIEST_YEAR } from "../../events/mod.ts";
import {
  buildQuarterReport,
  escapeControl,
  MIN_PUBLISHED_INSTALLS,
  parseQuarter,
  renderReportHtml,
  renderReportMarkdown,
} from "../../analytics/mod.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { parseArgs } from "../parse_args.ts";
import { readCollection, SOURCE_HELP, writeOutput } from "./view.ts";

const HELP =
  `Usage: jmo-telemetry report --quarter YYYY-QN [--source SOURCE] [--format md|html] [--output FILE]

Writes the quarterly transparency report: reporting period, total scans,
active installs (that ran a scan), unique installs, platform, profile and
execution mode splits, top insights (the worst tool failure rate, the change
against the previous quarter), the privacy statement, the method and a raw
data sample (the earliest event of each type, without anonymous_id and
event_id, its timestamp cut to the day). Only events whose own timestamp
falls inside the quarter count; quarters are in UTC (Q1 = January 1,
00:00:00 to March 31, 23:59:59).

The report is public, so it follows the rule of the collector's public stats:
every number is coarse (the true count plus a secret offset, rounded down to
10 for events and scans, 5 for installs) and a group (platform, profile, mode,
month, failure type, tool, sampled event type) shows only when its published
installs reach ${MIN_PUBLISHED_INSTALLS}; the rest are gathered into one "other" share.
Percentages come from the published numbers. The offsets are keyed by
JMO_TELEMETRY_REPORT_SECRET when it is set (keep it secret and the same for
every report), else by a digest of the quarter's event ids: the same events
give the same report. The dashboard (view) keeps exact numbers.

Options:
  --quarter YYYY-QN  the quarter, as 2026-Q1 (from the year 2000 on)
  --source SOURCE    where to read events (below)
  --format md|html   Markdown (default), or one self-contained HTML page with
                     inline SVG charts (no script, nothing loaded from elsewhere)
  --output FILE      write the report to FILE, not standard output
  -h, --help         show this help

${SOURCE_HELP}`;

/** The `report` command. */
export const reportCommand: Command = {
  name: "report",
  summary: "write the quarterly transparency report (Markdown or HTML)",
  help: HELP,
  async run(args, context) {
    const { flags, help } = parseArgs(args, {
      quarter: { type: "string" },
      source: { type: "string" },
      format: { type: "string" },
      output: { type: "string" },
    }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return 0;
    }
    if (flags.quarter === undefined) throw new UsageError("missing --quarter YYYY-QN", HELP);
    const quarter = parseQuarter(flags.quarter);
    const given = `--quarter '${escapeControl(flags.quarter)}'`;
    if (quarter === undefined) {
      throw new UsageError(`${given} is not a quarter: give it as 2026-Q1`, HELP);
    }
    if (quarter.year < EARLIEST_YEAR) {
      throw new UsageError(
        `${given} is before ${EARLIEST_YEAR}: give a quarter from ${EARLIEST_YEAR} on, such as 2026-Q1`,
        HELP,
      );
    }
    const format = flags.format ?? "md";
    if (format !== "md" && format !== "html") {
      throw new UsageError(`--format takes md or html, not '${escapeControl(format)}'`, HELP);
    }
    const { collection } = await readCollection(flags.source, context, {
      name: "report",
      help: HELP,
    });
    const report = buildQuarterReport(collection, quarter, {
      secret: context.env.JMO_TELEMETRY_REPORT_SECRET,
    });
    writeOutput(
      flags.output,
      format === "html" ? renderReportHtml(report) : renderReportMarkdown(report),
      context,
    );
    return 0;
  },
};
