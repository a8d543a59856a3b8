/**
 * Horizontal bar charts drawn with block characters.
 *
 * @module
 */

import { type Count, totalOf } from "./count_values.ts";
import { formatCount } from "./format_count.ts";
import { formatPercent } from "./format_percent.ts";
import type { TerminalStyle } from "./terminal_style.ts";

/** Widest bar, in character cells. */
export const BAR_WIDTH = 30;
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/**
 * A bar of `value / max` of `width` cells, in eighths of a cell; a value
 * above zero always shows at least one eighth.
 *
 * @example
 * ```ts
 * import { barOf } from "@jmo/telemetry/analytics";
 * barOf(1, 2, 4); // "██"
 * barOf(0, 2, 4); // ""
 * ```
 */
export function barOf(value: number, max: number, width: number = BAR_WIDTH): string {
  if (value <= 0 || max <= 0) return "";
  const eighths = Math.max(1, Math.round(value / max * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * One line per count: label, count (with thousands separators), bar scaled
 * to the largest count, and the share of the total (or of `whole` when given).
 *
 * @example
 * ```ts
 * import { terminalBars } from "@jmo/telemetry/analytics";
 * import { terminalStyle } from "@jmo/telemetry/analytics";
 * const lines = terminalBars([{ key: "Linux", count: 3 }, { key: "macOS", count: 1 }], terminalStyle(false));
 * lines[1].startsWith("  macOS  1  ██████████ "); // true
 * lines[1].endsWith("  25%"); // true
 * ```
 */
export function terminalBars(
  counts: readonly Count[],
  style: TerminalStyle,
  whole: number = totalOf(counts),
): string[] {
  if (counts.length === 0) return [style.dim("  (none)")];
  const labelWidth = Math.max(...counts.map((c) => c.key.length));
  const countWidth = Math.max(...counts.map((c) => formatCount(c.count).length));
  const max = Math.max(...counts.map((c) => c.count));
  return counts.map((c) => {
    const bar = barOf(c.count, max);
    return `  ${c.key.padEnd(labelWidth)}  ${formatCount(c.count).padStart(countWidth)}  ${
      style.bar(bar.padEnd(BAR_WIDTH))
    }  ${formatPercent(c.count, whole)}`;
  });
}
