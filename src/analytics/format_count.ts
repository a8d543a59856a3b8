/**
 * Counts as the dashboard and the report print them.
 *
 * @module
 */

const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * A count with en-US thousands separators, as the source documents print
 * their totals.
 *
 * @example
 * ```ts
 * import { formatCount } from "@jmo/telemetry/analytics";
 * formatCount(45000); // "45,000"
 * formatCount(7); // "7"
 * ```
 */
export function formatCount(count: number): string {
  return GROUPED.format(count);
}
