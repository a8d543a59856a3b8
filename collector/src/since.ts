/**
 * The export's `since` parameter: an ISO 8601 date or UTC-offset date-time,
 * normalised to the form `received_at` is stored in, so that plain string
 * comparison in SQL orders them correctly.
 *
 * @module
 */

import { EARLIEST_YEAR } from "../../src/events/mod.ts";

/** A normalised lower bound, or a refusal of the given text. */
export type SinceParse = { ok: true; since: string } | { ok: false };

const SINCE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
}

/**
 * Parses `since`: absent gives the empty lower bound (everything); a date is
 * UTC midnight; a date-time needs `Z` or an offset. Anything else is refused.
 *
 * @example
 * ```ts
 * import { parseSince } from "./since.ts";
 * parseSince("2025-10-01"); // { ok: true, since: "2025-10-01T00:00:00.000Z" }
 * parseSince("2025-10-01T02:00:00+02:00"); // { ok: true, since: "2025-10-01T00:00:00.000Z" }
 * parseSince("yesterday"); // { ok: false }
 * ```
 */
export function parseSince(value: string | null): SinceParse {
  if (value === null) return { ok: true, since: "" };
  const match = SINCE_PATTERN.exec(value);
  if (match === null) return { ok: false };
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) =>
    part === undefined ? 0 : Number(part)
  );
  if (
    year < EARLIEST_YEAR || !isCalendarDay(year, month, day) || hour > 23 || minute > 59 ||
    second > 59
  ) {
    return { ok: false };
  }
  const milliseconds = Date.parse(match[4] === undefined ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(milliseconds)) return { ok: false };
  const since = new Date(milliseconds).toISOString();
  // An offset can carry 9999-12-31 into year 10000, whose ISO form ("+010000-…")
  // would sort before every stored time: nothing can be that late, so refuse it.
  return since.startsWith("+") ? { ok: false } : { ok: true, since };
}
