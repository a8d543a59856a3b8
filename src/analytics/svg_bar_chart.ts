/**
 * Horizontal bar charts as inline SVG: no script, no external resource.
 *
 * @module
 */

import { escapeHtml } from "./escape_html.ts";
import { textWidth } from "./text_width.ts";

/** One bar: its label, its length and the text printed after it. */
export interface ChartBar {
  label: string;
  value: number;
  text: string;
}

/** Sizes of a chart, in SVG units. */
export const CHART = {
  /** The width a chart takes when its labels and texts leave the bars room. */
  width: 560,
  /** The bar area never shrinks below this, however long the labels. */
  minBarWidth: 200,
  rowHeight: 26,
  barHeight: 18,
  /** Space between a text and the bar, and between a text and the chart's edge. */
  gap: 8,
  fontSize: 13,
} as const;

/** The width of a column that holds the widest of these texts, a gap either side. */
function columnFor(texts: readonly string[]): number {
  return Math.ceil(Math.max(0, ...texts.map((t) => textWidth(t, CHART.fontSize)))) + 2 * CHART.gap;
}

/**
 * A bar chart: one `rect.mark` per bar, its width proportional to its value
 * (the largest value spans the bar area); an accessible title describes it.
 * The label column is as wide as the longest label and room is left after
 * the longest bar for the longest text, so nothing is cut off; the chart
 * grows wider than `CHART.width` when it must (a page can scale it down).
 *
 * @example
 * ```ts
 * import { svgBarChart } from "@jmo/telemetry/analytics";
 * const svg = svgBarChart("Platforms", [{ label: "Linux", value: 3, text: "75%" }]);
 * svg.includes('class="mark"'); // true
 * ```
 */
export function svgBarChart(title: string, bars: readonly ChartBar[]): string {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const labelColumn = columnFor(bars.map((b) => b.label));
  const textColumn = columnFor(bars.map((b) => b.text));
  const barWidth = Math.max(CHART.minBarWidth, CHART.width - labelColumn - textColumn);
  const width = labelColumn + barWidth + textColumn;
  const height = bars.length * CHART.rowHeight + 8;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * CHART.rowHeight;
    const length = max === 0 ? 0 : (bar.value / max) * barWidth;
    const textY = y + CHART.barHeight / 2 + 4;
    return [
      `<text x="${labelColumn - CHART.gap}" y="${textY}" text-anchor="end">${
        escapeHtml(bar.label)
      }</text>`,
      `<rect class="mark" x="${labelColumn}" y="${y}" width="${
        length.toFixed(2)
      }" height="${CHART.barHeight}" rx="3"><title>${
        escapeHtml(`${bar.label}: ${bar.text}`)
      }</title></rect>`,
      `<text x="${(labelColumn + length + CHART.gap).toFixed(2)}" y="${textY}">${
        escapeHtml(bar.text)
      }</text>`,
    ].join("");
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" width="${width}" ` +
    `height="${height}" viewBox="0 0 ${width} ${height}" font-size="${CHART.fontSize}" ` +
    `xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${rows.join("")}</svg>`;
}
