/**
 * The one form of an event's `timestamp`: UTC to the second, a real date.
 *
 * @module
 */

const UTC_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * No event is older than this year: an earlier date anywhere (an event, the
 * collector's `since`, `view --since`, `report --quarter`) is a mistake, and
 * years under 100 are misread by every date library.
 */
export const EARLIEST_YEAR = 2000;

/**
 * Whether `value` is a UTC time to the second, as `2025-10-19T14:48:00Z`,
 * that names a real moment from `EARLIEST_YEAR` on: `2025-02-30T00:00:00Z`,
 * `24:00:00` and a year before 2000 are not.
 *
 * @example
 * ```ts
 * import { isUtcSecond } from "./is_utc_second.ts";
 * isUtcSecond("2025-10-19T14:48:00Z"); // true
 * isUtcSecond("2025-02-30T00:00:00Z"); // false
 * isUtcSecond("0050-06-15T00:00:00Z"); // false
 * ```
 */
export function isUtcSecond(value: string): boolean {
  if (!UTC_SECOND.test(value) || Number(value.slice(0, 4)) < EARLIEST_YEAR) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value.replace("Z", ".000Z");
}
