/**
 * Counting how often each value occurs, and which installs it came from.
 *
 * @module
 */

import type { Envelope } from "../events/mod.ts";

/** One value and how often it occurs. */
export interface Count {
  key: string;
  count: number;
}

/** One value, how often it occurs, and the distinct installs it came from. */
export interface Group extends Count {
  /** Lower-cased `anonymous_id`s. */
  installs: ReadonlySet<string>;
}

/** One occurrence of a value, and the install that sent it. */
export interface Occurrence {
  key: string;
  /** The lower-cased `anonymous_id`. */
  install: string;
}

/**
 * The occurrence of `key` in an event: the install is the event's
 * `anonymous_id`, lower-cased so that one install counts once.
 *
 * @example
 * ```ts
 * import { occurrenceOf } from "@jmo/telemetry/analytics";
 * // occurrenceOf(envelope.platform, envelope); // { key: "Linux", install: "8f0e…" }
 * ```
 */
export function occurrenceOf(key: string, envelope: Envelope): Occurrence {
  return { key, install: envelope.anonymous_id.toLowerCase() };
}

/**
 * Counts occurrences by value, with the distinct installs of each. Keys
 * listed in `known` always appear (zero when absent), in that order among
 * equal counts; the result is sorted by count, highest first, unless
 * `keepOrder` asks for the order of `known` (for buckets).
 *
 * @example
 * ```ts
 * import { countValues } from "@jmo/telemetry/analytics";
 * const groups = countValues(
 *   [{ key: "cli", install: "a" }, { key: "docker", install: "a" }, { key: "cli", install: "b" }],
 *   { known: ["cli", "docker", "wizard"] },
 * );
 * groups.map((g) => [g.key, g.count, g.installs.size]); // [["cli", 2, 2], ["docker", 1, 1], ["wizard", 0, 0]]
 * ```
 */
export function countValues(
  occurrences: Iterable<Occurrence>,
  options: { known?: readonly string[]; keepOrder?: boolean } = {},
): Group[] {
  const groups = new Map<string, { count: number; installs: Set<string> }>(
    (options.known ?? []).map((key) => [key, { count: 0, installs: new Set() }]),
  );
  for (const { key, install } of occurrences) {
    const group = groups.get(key) ?? { count: 0, installs: new Set<string>() };
    group.count += 1;
    group.installs.add(install);
    groups.set(key, group);
  }
  const rows = [...groups].map(([key, group]) => ({ key, ...group }));
  return options.keepOrder ? rows : rows.sort((a, b) => b.count - a.count);
}

/**
 * The sum of all counts.
 *
 * @example
 * ```ts
 * import { totalOf } from "@jmo/telemetry/analytics";
 * totalOf([{ key: "a", count: 2 }, { key: "b", count: 3 }]); // 5
 * ```
 */
export function totalOf(counts: readonly Count[]): number {
  return counts.reduce((sum, c) => sum + c.count, 0);
}
