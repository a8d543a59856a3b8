/**
 * Calendar quarters in UTC: parsing `YYYY-QN`, their bounds, the one before.
 *
 * @module
 */

import { utcMidnight } from "./utc_midnight.ts";

/** A calendar quarter with its UTC bounds: `start` included, `end` excluded. */
export interface Quarter {
  year: number;
  /** 1 to 4. */
  number: number;
  start: Date;
  end: Date;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The quarter of a year: January to March is Q1, in UTC.
 *
 * @example
 * ```ts
 * import { quarterOf } from "@jmo/telemetry/analytics";
 * quarterOf(2026, 1).end.toISOString(); // "2026-04-01T00:00:00.000Z"
 * ```
 */
export function quarterOf(year: number, number: number): Quarter {
  return {
    year,
    number,
    start: utcMidnight(year, (number - 1) * 3, 1),
    end: utcMidnight(year, number * 3, 1),
  };
}

/**
 * Parses `YYYY-QN` (also `YYYYQN`, any case); `undefined` when it is not one.
 *
 * @example
 * ```ts
 * import { parseQuarter } from "@jmo/telemetry/analytics";
 * parseQuarter("2026-Q1")?.start.toISOString(); // "2026-01-01T00:00:00.000Z"
 * parseQuarter("2026-Q5"); // undefined
 * ```
 */
export function parseQuarter(text: string): Quarter | undefined {
  const match = /^(\d{4})-?Q([1-4])$/i.exec(text.trim());
  return match ? quarterOf(Number(match[1]), Number(match[2])) : undefined;
}

/**
 * The quarter before.
 *
 * @example
 * ```ts
 * import { parseQuarter, previousQuarter, quarterLabel } from "@jmo/telemetry/analytics";
 * quarterLabel(previousQuarter(parseQuarter("2026-Q1")!)); // "Q4 2025"
 * ```
 */
export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.number === 1
    ? quarterOf(quarter.year - 1, 4)
    : quarterOf(quarter.year, quarter.number - 1);
}

/**
 * The quarter as people write it.
 *
 * @example
 * ```ts
 * import { quarterLabel, quarterOf } from "@jmo/telemetry/analytics";
 * quarterLabel(quarterOf(2026, 1)); // "Q1 2026"
 * ```
 */
export function quarterLabel(quarter: Quarter): string {
  return `Q${quarter.number} ${quarter.year}`;
}

/**
 * The reporting period in words, last day included.
 *
 * @example
 * ```ts
 * import { quarterOf, quarterPeriod } from "@jmo/telemetry/analytics";
 * quarterPeriod(quarterOf(2026, 1)); // "January 1 - March 31, 2026"
 * ```
 */
export function quarterPeriod(quarter: Quarter): string {
  const last = new Date(quarter.end.getTime() - 86_400_000);
  const day = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  return `${day(quarter.start)} - ${day(last)}, ${quarter.year}`;
}

/**
 * The names of the quarter's three months.
 *
 * @example
 * ```ts
 * import { quarterMonths, quarterOf } from "@jmo/telemetry/analytics";
 * quarterMonths(quarterOf(2026, 2)); // ["April", "May", "June"]
 * ```
 */
export function quarterMonths(quarter: Quarter): string[] {
  return MONTHS.slice((quarter.number - 1) * 3, quarter.number * 3);
}

/**
 * The name of the month (UTC) of a timestamped value.
 *
 * @example
 * ```ts
 * import { monthName } from "@jmo/telemetry/analytics";
 * monthName({ timestamp: "2026-03-31T23:59:59Z" }); // "March"
 * ```
 */
export function monthName(value: { timestamp: string }): string {
  return MONTHS[new Date(value.timestamp).getUTCMonth()];
}
