/**
 * The maintainers' analytics: read events from the collector's export, a
 * Gist or local NDJSON; keep each valid event once (invalid lines are
 * skipped and counted, checked with the client's own validator); summarise
 * them; draw the terminal dashboard (exact numbers, for maintainers); export
 * CSV; compute the public quarterly transparency report as Markdown or a
 * self-contained HTML page, every number of it a coarse cell by the rule of
 * the collector's public stats (`report_cells.ts`). Reading a source is the only I/O, through the fetch
 * and readers it is given.
 *
 * @module
 */

export type { CollectedEvent, Collection, InvalidLine, SourceText } from "./collected_event.ts";
export { collectEvents } from "./collect_events.ts";
export { describeSource, exportUrlOf, resolveSource } from "./event_source.ts";
export type { EventSource } from "./event_source.ts";
export { SourceError } from "./source_error.ts";
export type { SourceIo } from "./source_io.ts";
export { readSource } from "./read_source.ts";
export { GIST_EVENTS_FILE } from "./read_gist_files.ts";
export { eventsBetween } from "./events_between.ts";
export { parseDateBound } from "./parse_date_bound.ts";
export { utcMidnight } from "./utc_midnight.ts";
export {
  monthName,
  parseQuarter,
  previousQuarter,
  type Quarter,
  quarterLabel,
  quarterMonths,
  quarterOf,
  quarterPeriod,
} from "./quarter.ts";
export {
  type Count,
  countValues,
  type Group,
  type Occurrence,
  occurrenceOf,
  totalOf,
} from "./count_values.ts";
export {
  EVENTS_STEP,
  HIDDEN_GROUPS,
  INSTALLS_STEP,
  MIN_PUBLISHED_INSTALLS,
  publishedTotal,
  publishSplit,
  type ReportCells,
  reportCells,
} from "./report_cells.ts";
export { type FailureType, toolFailureRates, type ToolFailures } from "./tool_failure_rates.ts";
export { type ReportedToolFailures, reportedToolFailures } from "./reported_tool_failures.ts";
export { LATEST_EVENTS, NOT_GIVEN, summarizeEvents, type Summary } from "./summarize_events.ts";
export { formatPercent } from "./format_percent.ts";
export { formatCount } from "./format_count.ts";
export { type TerminalStyle, terminalStyle, wantsColour } from "./terminal_style.ts";
export { barOf, terminalBars } from "./terminal_bars.ts";
export { type DashboardContext, renderDashboard, TOP_TOOLS } from "./render_dashboard.ts";
export { csvColumns, ENVELOPE_COLUMNS } from "./csv_columns.ts";
export { csvField, eventsToCsv } from "./events_to_csv.ts";
export {
  buildQuarterReport,
  displayName,
  type Insight,
  PRIVACY_STATEMENT,
  type QuarterReport,
  type ReportOptions,
  type Statistic,
} from "./build_quarter_report.ts";
export { type RawDataSample, rawDataSample } from "./raw_data_sample.ts";
export { renderReportMarkdown } from "./render_report_markdown.ts";
export { renderReportHtml, reportCharts } from "./render_report_html.ts";
export { CHART, type ChartBar, svgBarChart } from "./svg_bar_chart.ts";
export { textWidth } from "./text_width.ts";
export { escapeControl } from "./escape_control.ts";
