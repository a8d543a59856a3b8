/**
 * The one form of an event's `timestamp`: UTC to the second, a real date.
 *
 * @module
 */

const UTC_SECOND = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * Whether `value` is a UTC time to the second, as `2025-10-19T14:48:00Z`,
 * that names a real moment: `2025-02-30T00:00:00Z` and `24:00:00` are not.
 *
 * @example
 * ```ts
 * import { isUtcSecond } from "./is_utc_second.ts";
 * isUtcSecond("2025-10-19T14:48:00Z"); // true
 * isUtcSecond("2025-02-30T00:00:00Z"); // false
 * ```
 */
export function isUtcSecond(value: string): boolean {
  if (!UTC_SECOND.test(value)) return false;
  const time = Date.parse(value);
  return !Number.isNaN(time) && new Date(time).toISOString() === value.replace("Z", ".000Z");
}
