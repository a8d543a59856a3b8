/**
 * The terminal dashboard of `view`.
 *
 * @module
 */

import type { Collection } from "./collected_event.ts";
import { describeMetadata } from "./describe_event.ts";
import { escapeControl } from "./escape_control.ts";
import { formatCount } from "./format_count.ts";
import { formatPercent } from "./format_percent.ts";
import type { Summary } from "./summarize_events.ts";
import { terminalBars } from "./terminal_bars.ts";
import type { TerminalStyle } from "./terminal_style.ts";

/** What the dashboard says about where its events came from. */
export interface DashboardContext {
  /** The source, as `describeSource` gives it. */
  source: string;
  /** The `--since` bound, when one was given. */
  since?: Date;
  /** The collection before `--since`: for its duplicate and invalid counts. */
  collection: Collection;
}

/** How many tools the dashboard lists. */
export const TOP_TOOLS = 10;

function table(rows: string[][], align: string, style: TerminalStyle): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((row, n) => {
    const cells = row.map((cell, i) =>
      align[i] === "r" ? cell.padStart(widths[i]) : cell.padEnd(widths[i])
    );
    const line = `  ${cells.join("  ")}`.trimEnd();
    return n === 0 ? style.dim(line) : line;
  });
}

function failureLines(summary: Summary, style: TerminalStyle): string[] {
  const failed = summary.failures.filter((t) => t.failures > 0);
  if (failed.length === 0) return [style.dim("  (none)")];
  const rows = failed.map((t) => [
    t.tool,
    formatCount(t.failures),
    formatCount(t.runs),
    t.rate === null ? "n/a" : formatPercent(t.failures, t.runs),
    t.byType.filter((c) => c.count > 0).map((c) => `${c.key} ${formatCount(c.count)}`).join(", "),
  ]);
  return table([["tool", "failures", "runs", "rate", "failure types"], ...rows], "lrrrl", style);
}

/**
 * The whole dashboard as text: what was read (and whether the source was
 * read only in part), totals, then one bar chart per dimension, failure
 * rates by tool, and the latest events; counts with thousands separators,
 * exact (the dashboard is for maintainers: no install floor). The source's
 * name is printed with its control characters escaped.
 *
 * @example
 * ```ts
 * import { renderDashboard } from "@jmo/telemetry/analytics";
 * import { summarizeEvents } from "@jmo/telemetry/analytics";
 * import { terminalStyle } from "@jmo/telemetry/analytics";
 * const text = renderDashboard(summarizeEvents([]), {
 *   source: "events.jsonl",
 *   collection: { events: [], invalid: [], duplicates: 0 },
 * }, terminalStyle(false));
 * text.includes("No events"); // true
 * ```
 */
export function renderDashboard(
  summary: Summary,
  context: DashboardContext,
  style: TerminalStyle,
): string {
  const { collection } = context;
  const read = escapeControl([
    `${formatCount(collection.events.length)} valid events read`,
    `${formatCount(collection.duplicates)} duplicates counted once`,
    `${formatCount(collection.invalid.length)} invalid lines skipped`,
    ...(collection.partial === undefined ? [] : [collection.partial]),
  ].join("; "));
  const warn = collection.invalid.length > 0 || collection.partial !== undefined;
  const head = [
    style.heading("jmo-telemetry dashboard"),
    `Source:  ${escapeControl(context.source)}`,
    `Read:    ${warn ? style.warn(read) : read}`,
    ...(context.since ? [`Since:   ${context.since.toISOString()}`] : []),
  ];
  if (summary.events === 0) return [...head, "", "No events to show."].join("\n") + "\n";
  const section = (title: string, lines: string[]) => ["", style.heading(title), ...lines];
  const totals: [string, number][] = [
    ["events", summary.events],
    ["unique installs", summary.uniqueInstalls],
    ["scans started", summary.scansStarted],
    ["scans completed", summary.scansCompleted],
    ["wizard runs", summary.wizardRuns],
    ["tool failures", summary.toolFailures],
    ["policy evaluations", summary.policyEvaluations],
  ];
  const width = formatCount(Math.max(...totals.map(([, n]) => n))).length;
  const latest = table(
    [
      ["timestamp", "event", "platform", "version", "python", "install", "details"],
      ...summary.latest.map(({ envelope: e }) => [
        e.timestamp,
        e.event,
        e.platform,
        e.version,
        e.python_version ?? "-",
        e.anonymous_id.slice(0, 8),
        describeMetadata(e),
      ]),
    ],
    "lllllll",
    style,
  );
  return [
    ...head,
    `Period:  ${summary.firstTimestamp} to ${summary.lastTimestamp}`,
    ...section(
      "Totals",
      totals.map(([k, n]) => `  ${k.padEnd(20)}${formatCount(n).padStart(width)}`),
    ),
    ...section("Events by type", terminalBars(summary.byType, style)),
    ...section(
      "Platforms (installs, by their latest event)",
      terminalBars(summary.platforms, style),
    ),
    ...section("Python versions (installs)", terminalBars(summary.pythonVersions, style)),
    ...section("Profiles (scans started)", terminalBars(summary.profiles, style)),
    ...section("Execution modes (scans started)", terminalBars(summary.modes, style)),
    ...section(
      "Top tools (share of scans started that ran each)",
      terminalBars(summary.tools.slice(0, TOP_TOOLS), style, summary.scansStarted),
    ),
    ...section(
      "Tool failures (rate = failures / scans that ran the tool)",
      failureLines(summary, style),
    ),
    ...section("Scan durations (scans completed)", terminalBars(summary.durations, style)),
    ...section("Findings (scans completed)", terminalBars(summary.findings, style)),
    ...section("Target types (sum over scans started)", terminalBars(summary.targetTypes, style)),
    ...section("Targets per scan (scans started)", terminalBars(summary.targets, style)),
    ...section("Multi-target scans (scans started)", terminalBars(summary.multiTarget, style)),
    ...section("Run in CI (scans started)", terminalBars(summary.ci, style)),
    ...section("Scan frequency (scans started)", terminalBars(summary.frequency, style)),
    ...section(
      "Policies evaluated (share of evaluations that listed each)",
      terminalBars(summary.policies, style, summary.policyEvaluations),
    ),
    ...section("Policy violations (evaluations)", terminalBars(summary.violations, style)),
    ...section("Policy results (policies)", terminalBars(summary.policyResults, style)),
    ...section("Schema versions (events)", terminalBars(summary.schemas, style)),
    ...section("Versions (installs, by their latest event)", terminalBars(summary.versions, style)),
    ...section(`Latest ${summary.latest.length} events (newest first)`, latest),
  ].join("\n") + "\n";
}
