/**
 * The quarterly transparency report as data, shared by its Markdown and
 * HTML forms: the sections of the source documents' example, computed.
 *
 * @module
 */

import { PROFILES } from "../events/mod.ts";
import type { Collection } from "./collected_event.ts";
import { type Count, countValues, type Group, occurrenceOf, totalOf } from "./count_values.ts";
import { escapeControl } from "./escape_control.ts";
import { eventsBetween } from "./events_between.ts";
import { formatCount } from "./format_count.ts";
import { formatPercent } from "./format_percent.ts";
import {
  monthName,
  previousQuarter,
  type Quarter,
  quarterLabel,
  quarterMonths,
  quarterPeriod,
} from "./quarter.ts";
import { type RawDataSample, rawDataSample } from "./raw_data_sample.ts";
import { EVENTS_STEP, INSTALLS_STEP, MIN_PUBLISHED_INSTALLS } from "../coarse/mod.ts";
import { HIDDEN_GROUPS, publishedTotal, publishSplit, reportCells } from "./report_cells.ts";
import type { ReportCells } from "./report_cells.ts";
import { type ReportedToolFailures, reportedToolFailures } from "./reported_tool_failures.ts";
import { summarizeEvents, type Summary } from "./summarize_events.ts";

/** One line of the summary statistics. */
export interface Statistic {
  label: string;
  value: string;
}

/** One insight: a short title and what the numbers say. */
export interface Insight {
  title: string;
  detail: string;
}

/**
 * The report, computed: only what may be published. Every count is a
 * coarse cell (`report_cells.ts`, the rule of the collector's public stats),
 * and a group shows only when its published installs reach 10.
 */
export interface QuarterReport {
  quarter: Quarter;
  /** `Q1 2026`. */
  label: string;
  /** `January 1 - March 31, 2026`. */
  period: string;
  /** The quarter before, as `Q4 2025`. */
  previousLabel: string;
  statistics: Statistic[];
  /** Installs by platform, by their latest event. */
  platforms: Count[];
  /** Scans started by profile. */
  profiles: Count[];
  /** Scans started by execution mode. */
  modes: Count[];
  /** The tools whose published installs reach 10, worst published rate first. */
  toolFailures: ReportedToolFailures[];
  /** Scans started in each month of the quarter, in month order. */
  scansByMonth: Count[];
  insights: Insight[];
  /** The privacy statement, one point a line. */
  privacy: readonly string[];
  /** A few events of the quarter as sent, without what ties them to an install. */
  sample: RawDataSample;
  /** How the numbers were counted, including what the source held that was left out. */
  method: string[];
}

const MODE_LABELS: Record<string, string> = { cli: "CLI", docker: "Docker", wizard: "Wizard" };

/**
 * How a value of a split reads in the report: modes as `CLI`, `Docker`,
 * `Wizard`, profiles capitalised, anything else as it is.
 *
 * @example
 * ```ts
 * import { displayName } from "@jmo/telemetry/analytics";
 * displayName("cli"); // "CLI"
 * displayName("balanced"); // "Balanced"
 * displayName("Linux"); // "Linux"
 * ```
 */
export function displayName(key: string): string {
  if ((PROFILES as readonly string[]).includes(key)) return key[0].toUpperCase() + key.slice(1);
  return MODE_LABELS[key] ?? key;
}

/** What a split says when no group of it is published. */
const NONE_SHOWN = `none shown (no group reaches ${MIN_PUBLISHED_INSTALLS} published installs)`;

function shareList(counts: readonly Count[]): string {
  const whole = totalOf(counts);
  if (whole === 0) return NONE_SHOWN;
  return counts.map((c) => `${formatPercent(c.count, whole)} ${displayName(c.key)}`).join(", ");
}

/** Each value's share of `whole` (for lists, where one event may count in several groups). */
function listShares(counts: readonly Count[], whole: number): string {
  if (whole === 0 || counts.length === 0) return NONE_SHOWN;
  return counts.map((c) => `${displayName(c.key)} in ${formatPercent(c.count, whole)}`).join(", ");
}

function change(current: number, before: number): string {
  if (current === before) return "unchanged";
  return `${current > before ? "up" : "down"} ${formatPercent(Math.abs(current - before), before)}`;
}

function countOf(counts: readonly Count[], key: string): number {
  return counts.find((c) => c.key === key)?.count ?? 0;
}

/**
 * The shown groups of a published split with the most counts, when the
 * groups not shown cannot have more: their gathered share must be smaller.
 */
function leadersOf(counts: readonly Count[]): Count[] {
  const shown = counts.filter((c) => c.key !== HIDDEN_GROUPS);
  const most = Math.max(0, ...shown.map((c) => c.count));
  return most > countOf(counts, HIDDEN_GROUPS) ? shown.filter((c) => c.count === most) : [];
}

const AND = new Intl.ListFormat("en", { type: "conjunction" });

/** `: 40 timeout, 10 crash`, or nothing when no failure type is shown on its own. */
function failureTypes(tool: ReportedToolFailures): string {
  if (tool.byType.every((c) => c.key === HIDDEN_GROUPS)) return "";
  return `: ${tool.byType.map((c) => `${formatCount(c.count)} ${c.key}`).join(", ")}`;
}

function times(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "time" : "times"}`;
}

function failureInsights(tools: readonly ReportedToolFailures[]): Insight[] {
  const worst = tools.find((t) => t.failures > 0 && t.rate !== null);
  const unknown = tools.filter((t) => t.rate === null);
  const insights: Insight[] = [];
  if (worst !== undefined) {
    insights.push({
      title: `Least reliable tool: ${worst.tool}`,
      detail: `failed in ${formatPercent(worst.failures, worst.runs)} of the scans that ran it (${
        formatCount(worst.failures)
      } of ${formatCount(worst.runs)}${failureTypes(worst)})`,
    });
  }
  if (unknown.length > 0) {
    insights.push({
      title: `Failures of unknown rate: ${AND.format(unknown.map((t) => t.tool))}`,
      detail: `${
        unknown.map((t) => `${t.tool} failed ${times(t.failures)}${failureTypes(t)}`).join("; ")
      }; rate unknown (no scan listed ${unknown.length === 1 ? "the tool" : "these tools"})`,
    });
  }
  return insights.length > 0 ? insights : [{
    title: "No tool failure rate to report",
    detail:
      `no tool that at least ${MIN_PUBLISHED_INSTALLS} installs (as published) ran reported a failure`,
  }];
}

function scans(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "scan" : "scans"}`;
}

function trendInsight(summary: Totals, previous: Totals, before: string): Insight {
  if (summary.scansStarted === 0) {
    return {
      title: "No scans in this quarter",
      detail: previous.scansStarted === 0
        ? `none in ${before} either`
        : `against ${scans(previous.scansStarted)} in ${before}`,
    };
  }
  if (previous.scansStarted === 0) {
    return {
      title: scans(summary.scansStarted),
      detail: `no scans in ${before} to compare with`,
    };
  }
  return {
    title: `Scans ${change(summary.scansStarted, previous.scansStarted)} on ${before}`,
    detail: `${scans(summary.scansStarted)} against ${
      formatCount(previous.scansStarted)
    }; unique installs ${change(summary.uniqueInstalls, previous.uniqueInstalls)} (${
      formatCount(summary.uniqueInstalls)
    } against ${formatCount(previous.uniqueInstalls)})`,
  };
}

/** Shares closer than this are equal: they differ only by rounding in floating point. */
const SAME_SHARE = 1e-9;

/**
 * What the folded mode splits of the quarter and of the one before say: the
 * shift of the modes shown in both, else the most used mode, else nothing.
 */
function modeInsight(
  modes: readonly Count[],
  previous: readonly Count[],
  before: string,
): Insight | undefined {
  const now = totalOf(modes);
  const then = totalOf(previous);
  const ran = (c: Count) =>
    `${formatPercent(c.count, now)} of scans ran in ${displayName(c.key)} mode`;
  const comparable = modes.filter((c) => c.key !== HIDDEN_GROUPS && countOf(previous, c.key) > 0);
  if (comparable.length === 0) {
    const top = leadersOf(modes);
    if (top.length === 0) return undefined;
    const names = AND.format(top.map((c) => displayName(c.key)));
    if (top.length === 1) return { title: `${names} is the most used mode`, detail: ran(top[0]) };
    return {
      title: `${names} are tied as the most used modes`,
      detail: `${formatPercent(top[0].count, now)} of scans ran in each`,
    };
  }
  const shifts = comparable.map((c) => ({
    ...c,
    was: countOf(previous, c.key),
    shift: c.count / now - countOf(previous, c.key) / then,
  }));
  const largest = Math.max(...shifts.map((s) => Math.abs(s.shift)));
  if (largest < SAME_SHARE) {
    return { title: `Execution modes unchanged on ${before}`, detail: shareList(modes) };
  }
  const leaders = shifts.filter((s) => largest - Math.abs(s.shift) < SAME_SHARE);
  return {
    title: AND.format(
      leaders.map((s) => `${displayName(s.key)} usage ${s.shift > 0 ? "grew" : "fell"}`),
    ),
    detail: leaders.map((s) => `${ran(s)} (${formatPercent(s.was, then)} in ${before})`)
      .join("; "),
  };
}

/** The privacy statement every report carries. */
export const PRIVACY_STATEMENT: readonly string[] = [
  'Zero PII collected: no names, e-mail or IP addresses, paths, repository names or findings; any other field is dropped on the user\'s machine, and user-defined profile and policy names are recorded only as "custom"',
  "No user-identifiable data retained: the collector stores no IP address, header or user agent",
  "All data anonymized: an install is a random UUID; durations and finding counts are bucketed",
  "Raw events are readable by maintainers only: the export needs the admin token, the Gist is secret",
  "Telemetry is off in CI and for anyone who opts out (JMO_TELEMETRY_DISABLE=1, `jmo-telemetry disable` or `telemetry.enabled: false`); an opted-out install sends nothing",
];

/** The whole-quarter totals the report publishes, each as its own coarse cell. */
interface Totals {
  scansStarted: number;
  activeInstalls: number;
  uniqueInstalls: number;
  policyEvaluations: number;
}

function publishedTotals(summary: Summary, cells: ReportCells): Totals {
  return {
    scansStarted: publishedTotal(summary.scansStarted, EVENTS_STEP, cells),
    activeInstalls: publishedTotal(summary.activeInstalls, INSTALLS_STEP, cells),
    uniqueInstalls: publishedTotal(summary.uniqueInstalls, INSTALLS_STEP, cells),
    policyEvaluations: publishedTotal(summary.policyEvaluations, EVENTS_STEP, cells),
  };
}

/** What `buildQuarterReport` may be given besides the events. */
export interface ReportOptions {
  /**
   * The maintainers' secret (`JMO_TELEMETRY_REPORT_SECRET`) that keys the
   * offsets; without it, a digest of the quarter's event ids does.
   */
  secret?: string;
}

/**
 * Computes the report of a quarter: only events whose `timestamp` falls in
 * the quarter (UTC) count; the quarter before is computed the same way for
 * the comparisons. Every number is published as a coarse cell
 * (`report_cells.ts`), so the same events (and secret) always give the same
 * report.
 *
 * @example
 * ```ts
 * import { buildQuarterReport } from "@jmo/telemetry/analytics";
 * import { parseQuarter } from "@jmo/telemetry/analytics";
 * const report = buildQuarterReport({ events: [], invalid: [], duplicates: 0 }, parseQuarter("2026-Q1")!);
 * report.period; // "January 1 - March 31, 2026"
 * ```
 */
export function buildQuarterReport(
  collection: Collection,
  quarter: Quarter,
  options: ReportOptions = {},
): QuarterReport {
  const before = previousQuarter(quarter);
  const previousLabel = quarterLabel(before);
  const inQuarter = eventsBetween(collection.events, { from: quarter.start, to: quarter.end });
  const inPrevious = eventsBetween(collection.events, { from: before.start, to: before.end });
  const cells = reportCells(inQuarter, quarter, options.secret);
  const previousCells = reportCells(inPrevious, before, options.secret);
  const summary = summarizeEvents(inQuarter);
  const previous = summarizeEvents(inPrevious);
  const totals = publishedTotals(summary, cells);
  const split = (groups: readonly Group[]) => publishSplit(groups, cells);
  const platforms = publishSplit(summary.platforms, cells, "installs");
  const profiles = split(summary.profiles);
  const modes = split(summary.modes);
  const toolFailures = reportedToolFailures(summary.failures, cells);
  const [topProfile] = leadersOf(profiles);
  const floor = `${MIN_PUBLISHED_INSTALLS} installs`;
  const statistics: Statistic[] = [
    { label: "Total Scans", value: formatCount(totals.scansStarted) },
    {
      label: "Active Installs",
      value: `${formatCount(totals.activeInstalls)} (anonymous IDs that ran at least one scan)`,
    },
    {
      label: "Unique Installs",
      value: `${formatCount(totals.uniqueInstalls)} (anonymous IDs that sent any event)`,
    },
    { label: "Platforms", value: shareList(platforms) },
    {
      label: "Most Popular Profile",
      value: totalOf(profiles) === 0
        ? NONE_SHOWN
        : topProfile === undefined
        ? `not shown (no profile run by at least ${floor} is sure to lead)`
        : `${displayName(topProfile.key)} (${formatPercent(topProfile.count, totalOf(profiles))})`,
    },
    { label: "Profiles", value: shareList(profiles) },
    { label: "Execution Modes", value: shareList(modes) },
    { label: "Run in CI", value: shareList(split(summary.ci)) },
    { label: "Multi-target Scans", value: shareList(split(summary.multiTarget)) },
    { label: "Targets per Scan", value: shareList(split(summary.targets)) },
    { label: "Scan Frequency", value: shareList(split(summary.frequency)) },
    { label: "Policy Evaluations", value: formatCount(totals.policyEvaluations) },
    {
      label: "Policies Evaluated",
      value: listShares(split(summary.policies), totals.policyEvaluations),
    },
    { label: "Policy Violations", value: shareList(split(summary.violations)) },
  ];
  const started = inQuarter.flatMap((e) => e.envelope.event === "scan.started" ? [e.envelope] : []);
  return {
    quarter,
    label: quarterLabel(quarter),
    period: quarterPeriod(quarter),
    previousLabel,
    statistics,
    platforms,
    profiles,
    modes,
    toolFailures,
    scansByMonth: split(
      countValues(started.map((e) => occurrenceOf(monthName(e), e)), {
        known: quarterMonths(quarter),
        keepOrder: true,
      }),
    ),
    insights: [
      ...failureInsights(toolFailures),
      trendInsight(totals, publishedTotals(previous, previousCells), previousLabel),
      modeInsight(modes, publishSplit(previous.modes, previousCells), previousLabel),
    ].filter((i): i is Insight => i !== undefined),
    privacy: PRIVACY_STATEMENT,
    sample: rawDataSample(inQuarter, cells),
    method: [
      "Counted: events whose own timestamp falls in the period, in UTC; each event once, by its event_id",
      "Platforms count each install once, by its latest event; profiles, modes and months count scans started",
      "A tool's failure rate: its tool.failed events over the scan.started events that list it, both as published; the failures of a tool that no scan listed are counted, their rate unknown",
      `Coarse cells, the rule of the collector's public stats: every number (totals, each group of each split, a tool's runs and failures, the sample's event count) is the true count plus a secret offset, rounded down to a multiple of ${EVENTS_STEP} (events and scans) or ${INSTALLS_STEP} (installs), so the true count lies within ${
        EVENTS_STEP - 1
      } (or ${
        INSTALLS_STEP - 1
      }) of it either way; percentages are computed from these published numbers. The offset of each cell is drawn from an HMAC keyed by the maintainers' secret or, without one, by a digest of the quarter's event ids, so the same events always give this same report`,
      `A group (a platform, profile, mode, month, failure type, tool, or an event type of the sample) shows only when its published installs reach ${floor}: a group of 5 installs or fewer never shows. The groups not shown are gathered into one "${HIDDEN_GROUPS}" share, published by the same rule; a profile or mode is named as the most used only when that share cannot have more scans`,
      `Opt-in rate: not measured; an opted-out install sends nothing, so the installs that opted out cannot be counted`,
      `The source held ${
        formatCount(collection.duplicates)
      } duplicate deliveries (counted once) and ${
        formatCount(collection.invalid.length)
      } lines that are not valid events (left out)`,
      ...(collection.partial === undefined
        ? []
        : [`Source read in part: ${escapeControl(collection.partial)}`]),
    ],
  };
}
