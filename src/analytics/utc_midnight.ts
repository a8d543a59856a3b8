/**
 * UTC midnights of calendar days, for any year.
 *
 * @module
 */

/**
 * UTC midnight of a day. Unlike `Date.UTC`, which reads the years 0 to 99 as
 * 1900 to 1999, the year is taken as given; a month or day past the end
 * rolls over as with `Date.UTC`.
 *
 * @example
 * ```ts
 * import { utcMidnight } from "@jmo/telemetry/analytics";
 * utcMidnight(2026, 12, 1).toISOString(); // "2027-01-01T00:00:00.000Z"
 * utcMidnight(50, 0, 1).getUTCFullYear(); // 50
 * ```
 */
export function utcMidnight(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}
