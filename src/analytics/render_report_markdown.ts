/**
 * The transparency report in Markdown, laid out as the source documents'
 * example.
 *
 * @module
 */

import type { QuarterReport } from "./build_quarter_report.ts";

/**
 * The report as Markdown.
 *
 * @example
 * ```ts
 * import { buildQuarterReport } from "@jmo/telemetry/analytics";
 * import { parseQuarter } from "@jmo/telemetry/analytics";
 * import { renderReportMarkdown } from "@jmo/telemetry/analytics";
 * const quarter = parseQuarter("2026-Q1")!;
 * const md = renderReportMarkdown(buildQuarterReport({ events: [], invalid: [], duplicates: 0 }, quarter));
 * md.startsWith("# JMo Security Telemetry Transparency Report — Q1 2026"); // true
 * ```
 */
export function renderReportMarkdown(report: QuarterReport): string {
  return [
    `# JMo Security Telemetry Transparency Report — ${report.label}`,
    "",
    `**Reporting Period:** ${report.period} (UTC)`,
    "",
    "## Summary Statistics",
    "",
    ...report.statistics.map((s) => `- **${s.label}:** ${s.value}`),
    "",
    "## Top Insights",
    "",
    ...report.insights.map((insight, i) => `${i + 1}. **${insight.title}** — ${insight.detail}`),
    "",
    "## Privacy Compliance",
    "",
    ...report.privacy.map((line) => `- ✅ ${line}`),
    "",
    "## Method",
    "",
    ...report.method.map((line) => `- ${line}`),
    "",
    "## Raw Data Sample",
    "",
    report.sample.note,
    "",
    ...(report.sample.lines.length === 0 ? [] : ["```jsonl", ...report.sample.lines, "```", ""]),
  ].join("\n");
}
