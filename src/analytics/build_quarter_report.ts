/**
 * The quarterly transparency report as data, shared by its Markdown and
 * HTML forms: the sections of the source documents' example, computed.
 *
 * @module
 */

import { PROFILES } from "../events/mod.ts";
import type { Collection } from "./collected_event.ts";
import { type Count, countValues, totalOf } from "./count_values.ts";
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

/** The report, computed. */
export interface QuarterReport {
  quarter: Quarter;
  /** `Q1 2026`. */
  label: string;
  /** `January 1 - March 31, 2026`. */
  period: string;
  /** The quarter before, as `Q4 2025`. */
  previousLabel: string;
  /** What the events of the quarter add up to. */
  summary: Summary;
  /** The same for the quarter before. */
  previous: Summary;
  statistics: Statistic[];
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
 * import { displayName } from "./build_quarter_report.ts";
 * displayName("cli"); // "CLI"
 * displayName("balanced"); // "Balanced"
 * displayName("Linux"); // "Linux"
 * ```
 */
export function displayName(key: string): string {
  if ((PROFILES as readonly string[]).includes(key)) return key[0].toUpperCase() + key.slice(1);
  return MODE_LABELS[key] ?? key;
}

function shareList(counts: readonly Count[]): string {
  const whole = totalOf(counts);
  if (whole === 0) return "no data";
  return counts.filter((c) => c.count > 0)
    .map((c) => `${formatPercent(c.count, whole)} ${displayName(c.key)}`).join(", ");
}

function change(current: number, before: number): string {
  if (current === before) return "unchanged";
  return `${current > before ? "up" : "down"} ${formatPercent(Math.abs(current - before), before)}`;
}

function failureInsight(summary: Summary): Insight {
  const worst = summary.failures.find((t) => t.failures > 0 && t.rate !== null);
  if (worst === undefined) {
    return { title: "No tool failure rate to report", detail: "no scan reported a failed tool" };
  }
  const types = Object.entries(worst.byType).filter(([, n]) => n > 0)
    .map(([type, n]) => `${formatCount(n)} ${type}`).join(", ");
  return {
    title: `Least reliable tool: ${worst.tool}`,
    detail: `failed in ${formatPercent(worst.failures, worst.runs)} of the scans that ran it (${
      formatCount(worst.failures)
    } of ${formatCount(worst.runs)}: ${types})`,
  };
}

function scans(n: number): string {
  return `${formatCount(n)} ${n === 1 ? "scan" : "scans"}`;
}

function trendInsight(summary: Summary, previous: Summary, before: string): Insight {
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

const AND = new Intl.ListFormat("en", { type: "conjunction" });

function countOf(counts: readonly Count[], key: string): number {
  return counts.find((c) => c.key === key)?.count ?? 0;
}

function modeInsight(summary: Summary, previous: Summary, before: string): Insight | undefined {
  const now = totalOf(summary.modes);
  const then = totalOf(previous.modes);
  if (now === 0) return undefined;
  const ran = (c: Count) =>
    `${formatPercent(c.count, now)} of scans ran in ${displayName(c.key)} mode`;
  if (then === 0) {
    const most = Math.max(...summary.modes.map((c) => c.count));
    const top = summary.modes.filter((c) => c.count === most);
    const names = AND.format(top.map((c) => displayName(c.key)));
    if (top.length === 1) return { title: `${names} is the most used mode`, detail: ran(top[0]) };
    return {
      title: `${names} are tied as the most used modes`,
      detail: `${formatPercent(most, now)} of scans ran in each`,
    };
  }
  const shifts = summary.modes.map((c) => ({
    ...c,
    was: countOf(previous.modes, c.key),
    shift: c.count / now - countOf(previous.modes, c.key) / then,
  }));
  const largest = Math.max(...shifts.map((s) => Math.abs(s.shift)));
  if (largest < SAME_SHARE) {
    return { title: `Execution modes unchanged on ${before}`, detail: shareList(summary.modes) };
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
  "Zero PII collected: no names, e-mail or IP addresses, paths, repository names or findings; strict schemas refuse any other field",
  "No user-identifiable data retained: the collector stores no IP address, header or user agent",
  "All data anonymized: an install is a random UUID; durations and finding counts are bucketed",
  "Raw events are readable by maintainers only: the export needs the admin token, the Gist is secret",
  "Telemetry is off in CI and for anyone who opts out (JMO_TELEMETRY_DISABLE=1, `jmo-telemetry disable` or `telemetry.enabled: false`); an opted-out install sends nothing",
];

/**
 * Computes the report of a quarter: only events whose `timestamp` falls in
 * the quarter (UTC) count; the quarter before is computed the same way for
 * the comparisons.
 *
 * @example
 * ```ts
 * import { buildQuarterReport } from "./build_quarter_report.ts";
 * import { parseQuarter } from "./quarter.ts";
 * const report = buildQuarterReport({ events: [], invalid: [], duplicates: 0 }, parseQuarter("2026-Q1")!);
 * report.period; // "January 1 - March 31, 2026"
 * ```
 */
export function buildQuarterReport(collection: Collection, quarter: Quarter): QuarterReport {
  const before = previousQuarter(quarter);
  const previousLabel = quarterLabel(before);
  const inQuarter = eventsBetween(collection.events, { from: quarter.start, to: quarter.end });
  const summary = summarizeEvents(inQuarter);
  const previous = summarizeEvents(
    eventsBetween(collection.events, { from: before.start, to: before.end }),
  );
  const topProfile = summary.profiles[0];
  const statistics: Statistic[] = [
    { label: "Total Scans", value: formatCount(summary.scansStarted) },
    {
      label: "Active Installs",
      value: `${formatCount(summary.activeInstalls)} (anonymous IDs that ran at least one scan)`,
    },
    {
      label: "Unique Installs",
      value: `${formatCount(summary.uniqueInstalls)} (anonymous IDs that sent any event)`,
    },
    { label: "Platforms", value: shareList(summary.platforms) },
    {
      label: "Most Popular Profile",
      value: summary.scansStarted === 0
        ? "no data"
        : `${displayName(topProfile.key)} (${
          formatPercent(topProfile.count, summary.scansStarted)
        })`,
    },
    { label: "Profiles", value: shareList(summary.profiles) },
    { label: "Execution Modes", value: shareList(summary.modes) },
  ];
  const insights = [
    failureInsight(summary),
    trendInsight(summary, previous, previousLabel),
    modeInsight(summary, previous, previousLabel),
  ].filter((i): i is Insight => i !== undefined);
  return {
    quarter,
    label: quarterLabel(quarter),
    period: quarterPeriod(quarter),
    previousLabel,
    summary,
    previous,
    statistics,
    scansByMonth: countValues(
      inQuarter.flatMap((e) => e.envelope.event === "scan.started" ? [monthName(e.envelope)] : []),
      { known: quarterMonths(quarter), keepOrder: true },
    ),
    insights,
    privacy: PRIVACY_STATEMENT,
    sample: rawDataSample(inQuarter),
    method: [
      "Counted: events whose own timestamp falls in the period, in UTC; each event once, by its event_id",
      "Platforms count each install once, by its latest event; profiles and modes count scans started",
      "A tool's failure rate: its tool.failed events over the scan.started events that list it",
      `Opt-in rate: not measured; an opted-out install sends nothing, so the installs that opted out cannot be counted`,
      `The source held ${
        formatCount(collection.duplicates)
      } duplicate deliveries (counted once) and ${
        formatCount(collection.invalid.length)
      } lines that are not valid events (left out)`,
      ...(collection.partial === undefined ? [] : [`Source read in part: ${collection.partial}`]),
    ],
  };
}
