/**
 * The aggregate groups of `/v1/stats` and the rule that keeps them anonymous:
 * a group with fewer than `MIN_INSTALLS_PER_GROUP` distinct installs is left
 * out entirely, and no total is given, so no left-out group can be derived by
 * subtraction.
 *
 * @module
 */

import { MIN_INSTALLS_PER_GROUP } from "./limits.ts";

/** One dimension of the stats: how rows are grouped, and which rows count. */
export interface StatsDimension {
  /** The property of the stats answer. */
  name: string;
  /** SQL expression of the group key. */
  key: string;
  /** SQL condition on the rows counted, if not all. */
  where?: string;
  /** Turns a stored key into the key shown; groups are then ordered by it. */
  label?: (key: string) => string;
}

/** A group as queried: key, events and distinct installs. */
export interface GroupRow {
  key: unknown;
  events: number;
  installs: number;
}

/** A group as shown. */
export interface GroupCount {
  key: string;
  events: number;
  installs: number;
}

/**
 * The ISO 8601 week (`2025-W42`) of a Thursday given as `YYYY-MM-DD`: the
 * Thursday of a week fixes the week's ISO year and number.
 *
 * @example
 * ```ts
 * import { isoWeekLabel } from "./stats_groups.ts";
 * isoWeekLabel("2025-10-16"); // "2025-W42"
 * isoWeekLabel("2026-01-01"); // "2026-W01"
 * ```
 */
export function isoWeekLabel(thursday: string): string {
  const [year, month, day] = thursday.split("-").map(Number);
  const dayOfYear = (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / 86_400_000;
  return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, "0")}`;
}

/** Every dimension of the stats answer, in its order. */
export const STATS_DIMENSIONS: readonly StatsDimension[] = [
  { name: "events_by_type", key: "event_type" },
  {
    name: "profiles",
    key: "json_extract(metadata, '$.profile')",
    where: "event_type = 'scan.started'",
  },
  { name: "platforms", key: "platform" },
  { name: "modes", key: "json_extract(metadata, '$.mode')", where: "event_type = 'scan.started'" },
  { name: "versions", key: "version" },
  {
    name: "tool_failures",
    key: "json_extract(metadata, '$.tool')",
    where: "event_type = 'tool.failed'",
  },
  {
    name: "duration_buckets",
    key: "json_extract(metadata, '$.duration_bucket')",
    where: "event_type = 'scan.completed'",
  },
  {
    // The Thursday of the event's ISO week (from the client's timestamp).
    name: "active_installs_by_week",
    key: "date(timestamp, '-3 days', 'weekday 4')",
    label: isoWeekLabel,
  },
];

/**
 * The SQL counting events and distinct installs per group of a dimension.
 *
 * @example
 * ```ts
 * import { groupQuery } from "./stats_groups.ts";
 * groupQuery({ name: "platforms", key: "platform" });
 * // "SELECT platform AS key, COUNT(*) AS events, COUNT(DISTINCT anonymous_id) AS installs FROM events GROUP BY 1"
 * ```
 */
export function groupQuery(dimension: StatsDimension): string {
  const where = dimension.where === undefined ? "" : ` WHERE ${dimension.where}`;
  return `SELECT ${dimension.key} AS key, COUNT(*) AS events, ` +
    `COUNT(DISTINCT anonymous_id) AS installs FROM events${where} GROUP BY 1`;
}

/**
 * The groups that may be shown: those with a string key and at least
 * `minInstalls` distinct installs. The others are dropped, not zeroed; and
 * when what is dropped could come from fewer than `minInstalls` installs
 * (it can be had by subtracting the shown groups from a total), the smallest
 * shown groups are dropped too, until a dropped group alone has
 * `minInstalls` installs. With a `label`, keys are relabelled and ordered by
 * label; otherwise the biggest groups come first.
 *
 * @example
 * ```ts
 * import { suppressSmallGroups } from "./stats_groups.ts";
 * suppressSmallGroups([
 *   { key: "fast", events: 9, installs: 5 },
 *   { key: "balanced", events: 20, installs: 8 },
 *   { key: "deep", events: 40, installs: 4 },
 * ]); // [{ key: "balanced", events: 20, installs: 8 }]: deep, then fast to cover it
 * ```
 */
export function suppressSmallGroups(
  rows: readonly GroupRow[],
  minInstalls: number = MIN_INSTALLS_PER_GROUP,
  label?: (key: string) => string,
): GroupCount[] {
  const isShowable = (row: GroupRow): row is GroupCount => typeof row.key === "string";
  const visible = rows.filter((row) => isShowable(row) && row.installs >= minInstalls)
    .sort((a, b) =>
      a.installs - b.installs || a.events - b.events || String(a.key).localeCompare(String(b.key))
    ) as GroupCount[];
  const hidden = rows.filter((row) => !visible.includes(row as GroupCount));
  // Complementary suppression: what is hidden can be had by subtraction (from a
  // total another dimension shows), so it must cover at least `minInstalls`
  // installs together. Its distinct installs are at least those of its largest
  // group: while that is too small, the smallest visible group is hidden too.
  let largestHidden = Math.max(0, ...hidden.map((row) => row.installs));
  while (hidden.length > 0 && largestHidden < minInstalls && visible.length > 0) {
    largestHidden = Math.max(largestHidden, visible.shift()!.installs);
  }
  const shown = visible.map((row) => ({
    key: label === undefined ? row.key : label(row.key),
    events: row.events,
    installs: row.installs,
  }));
  return label === undefined
    ? shown.sort((a, b) => b.events - a.events || a.key.localeCompare(b.key))
    : shown.sort((a, b) => a.key.localeCompare(b.key));
}
