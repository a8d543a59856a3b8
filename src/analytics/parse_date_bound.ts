/**
 * `--since DATE`: a date or a date-time, read as a UTC instant.
 *
 * @module
 */

import { utcMidnight } from "./utc_midnight.ts";

const DATE_BOUND =
  /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads `YYYY-MM-DD` (UTC midnight) or an ISO 8601 date-time with `Z` or an
 * offset; `undefined` for anything else, including days that do not exist.
 *
 * @example
 * ```ts
 * import { parseDateBound } from "@jmo/telemetry/analytics";
 * parseDateBound("2026-01-01")?.toISOString(); // "2026-01-01T00:00:00.000Z"
 * parseDateBound("2026-02-30"); // undefined
 * ```
 */
export function parseDateBound(text: string): Date | undefined {
  const match = DATE_BOUND.exec(text.trim());
  if (match === null) return undefined;
  const [year, month, day] = match.slice(1, 4).map(Number);
  const midnight = utcMidnight(year, month - 1, day);
  if (midnight.getUTCMonth() !== month - 1 || midnight.getUTCDate() !== day) return undefined;
  if (match[4] === undefined) return midnight;
  const instant = new Date(text.trim());
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}
