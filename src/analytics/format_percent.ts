/**
 * Percentages as the dashboard and the report print them.
 *
 * @module
 */

/**
 * `part / whole` as a percentage rounded to one decimal, the decimal left
 * out when it is zero; `n/a` when the whole is zero.
 *
 * @example
 * ```ts
 * import { formatPercent } from "@jmo/telemetry/analytics";
 * formatPercent(1, 3); // "33.3%"
 * formatPercent(1, 4); // "25%"
 * formatPercent(1, 0); // "n/a"
 * ```
 */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return "n/a";
  return `${Number((part / whole * 100).toFixed(1))}%`;
}
