/**
 * Horizontal bar charts as inline SVG: no script, no external resource.
 *
 * @module
 */

import { escapeHtml } from "./escape_html.ts";

/** One bar: its label, its length and the text printed after it. */
export interface ChartBar {
  label: string;
  value: number;
  text: string;
}

/** Sizes of a chart, in SVG units. */
export const CHART = {
  width: 560,
  rowHeight: 26,
  labelWidth: 130,
  barWidth: 330,
  barHeight: 18,
} as const;

/**
 * A bar chart: one `rect.mark` per bar, its width proportional to its value
 * (the largest value spans the bar area); an accessible title describes it.
 *
 * @example
 * ```ts
 * import { svgBarChart } from "./svg_bar_chart.ts";
 * const svg = svgBarChart("Platforms", [{ label: "Linux", value: 3, text: "75%" }]);
 * svg.includes('class="mark"'); // true
 * ```
 */
export function svgBarChart(title: string, bars: readonly ChartBar[]): string {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const height = bars.length * CHART.rowHeight + 8;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * CHART.rowHeight;
    const width = max === 0 ? 0 : (bar.value / max) * CHART.barWidth;
    const textY = y + CHART.barHeight / 2 + 4;
    return [
      `<text x="${CHART.labelWidth - 8}" y="${textY}" text-anchor="end">${
        escapeHtml(bar.label)
      }</text>`,
      `<rect class="mark" x="${CHART.labelWidth}" y="${y}" width="${
        width.toFixed(2)
      }" height="${CHART.barHeight}" rx="3"><title>${
        escapeHtml(`${bar.label}: ${bar.text}`)
      }</title></rect>`,
      `<text x="${CHART.labelWidth + width + 6}" y="${textY}">${escapeHtml(bar.text)}</text>`,
    ].join("");
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" width="${CHART.width}" ` +
    `height="${height}" viewBox="0 0 ${CHART.width} ${height}" xmlns="http://www.w3.org/2000/svg">` +
    `<title>${escapeHtml(title)}</title>${rows.join("")}</svg>`;
}
