/**
 * The transparency report as one self-contained HTML page with inline SVG
 * charts: no script, and a Content-Security-Policy that forbids loading
 * anything from elsewhere.
 *
 * @module
 */

import type { QuarterReport } from "./build_quarter_report.ts";
import { displayName } from "./build_quarter_report.ts";
import { type Count, totalOf } from "./count_values.ts";
import { escapeHtml } from "./escape_html.ts";
import { formatCount } from "./format_count.ts";
import { formatPercent } from "./format_percent.ts";
import { type ChartBar, svgBarChart } from "./svg_bar_chart.ts";

const STYLE = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;
max-width:760px;margin:2rem auto;padding:0 1rem;background:#fff}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d0d7de}
.charts{display:grid;gap:1.2rem}figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}
svg.chart{max-width:100%;height:auto}svg.chart text{fill:#1f2328}svg.chart rect.mark{fill:#2f81f7}
.empty{color:#656d76}li{margin:.2rem 0}
pre{background:#f6f8fa;padding:.6rem;font-size:12px;white-space:pre-wrap;overflow-wrap:anywhere}`;

function withCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

function shareBars(counts: readonly Count[]): ChartBar[] {
  const whole = totalOf(counts);
  return counts.map((c) => ({
    label: displayName(c.key),
    value: c.count,
    text: `${formatPercent(c.count, whole)} (${formatCount(c.count)})`,
  }));
}

function figure(title: string, bars: ChartBar[]): string {
  const body = bars.some((b) => b.value > 0)
    ? svgBarChart(title, bars)
    : `<p class="empty">No data in this quarter.</p>`;
  return `<figure><figcaption>${escapeHtml(title)}</figcaption>${body}</figure>`;
}

/**
 * The charts of a report, in page order: platforms, profiles, execution
 * modes, tool failure rates and scans per month.
 *
 * @example
 * ```ts
 * import { buildQuarterReport } from "@jmo/telemetry/analytics";
 * import { parseQuarter } from "@jmo/telemetry/analytics";
 * import { reportCharts } from "@jmo/telemetry/analytics";
 * const report = buildQuarterReport({ events: [], invalid: [], duplicates: 0 }, parseQuarter("2026-Q1")!);
 * reportCharts(report).map((c) => c.title)[0]; // "Platforms (installs)"
 * ```
 */
export function reportCharts(report: QuarterReport): { title: string; bars: ChartBar[] }[] {
  return [
    { title: "Platforms (installs)", bars: shareBars(report.platforms) },
    { title: "Profiles (scans)", bars: shareBars(report.profiles) },
    { title: "Execution modes (scans)", bars: shareBars(report.modes) },
    {
      title: "Tool failure rate (failures / scans that ran the tool)",
      bars: report.toolFailures.flatMap((t) =>
        t.rate === null ? [] : [{
          label: t.tool,
          value: t.rate,
          text: `${formatPercent(t.failures, t.runs)} (${formatCount(t.failures)} of ${
            formatCount(t.runs)
          })`,
        }]
      ),
    },
    {
      title: "Scans per month",
      bars: report.scansByMonth.map((c) => ({
        label: c.key,
        value: c.count,
        text: formatCount(c.count),
      })),
    },
  ];
}

/**
 * The report as a self-contained HTML page.
 *
 * @example
 * ```ts
 * import { buildQuarterReport } from "@jmo/telemetry/analytics";
 * import { parseQuarter } from "@jmo/telemetry/analytics";
 * import { renderReportHtml } from "@jmo/telemetry/analytics";
 * const report = buildQuarterReport({ events: [], invalid: [], duplicates: 0 }, parseQuarter("2026-Q1")!);
 * renderReportHtml(report).includes("<script"); // false
 * ```
 */
export function renderReportHtml(report: QuarterReport): string {
  const title = `JMo Security Telemetry Transparency Report — ${report.label}`;
  const list = (items: string[], tag = "ul") =>
    `<${tag}>${items.map((item) => `<li>${item}</li>`).join("")}</${tag}>`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p><strong>Reporting Period:</strong> ${escapeHtml(report.period)} (UTC)</p>`,
    "<h2>Summary Statistics</h2>",
    list(
      report.statistics.map((s) =>
        `<strong>${escapeHtml(s.label)}:</strong> ${escapeHtml(s.value)}`
      ),
    ),
    `<div class="charts">${
      reportCharts(report).map((c) => figure(c.title, c.bars)).join("")
    }</div>`,
    "<h2>Top Insights</h2>",
    list(
      report.insights.map((i) =>
        `<strong>${escapeHtml(i.title)}</strong> — ${escapeHtml(i.detail)}`
      ),
      "ol",
    ),
    "<h2>Privacy Compliance</h2>",
    list(report.privacy.map((line) => `✓ ${withCode(line)}`)),
    "<h2>Method</h2>",
    list(report.method.map(escapeHtml)),
    "<h2>Raw Data Sample</h2>",
    `<p>${withCode(report.sample.note)}</p>`,
    ...(report.sample.lines.length === 0
      ? []
      : [`<pre><code>${report.sample.lines.map(escapeHtml).join("\n")}</code></pre>`]),
    "</body></html>",
    "",
  ].join("\n");
}
