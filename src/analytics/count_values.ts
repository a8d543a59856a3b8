/**
 * Counting how often each value occurs.
 *
 * @module
 */

/** One value and how often it occurs. */
export interface Count {
  key: string;
  count: number;
}

/**
 * Counts values. Keys listed in `known` always appear (zero when absent), in
 * that order among equal counts; the result is sorted by count, highest
 * first, unless `keepOrder` asks for the order of `known` (for buckets).
 *
 * @example
 * ```ts
 * import { countValues } from "./count_values.ts";
 * countValues(["cli", "docker", "cli"], { known: ["cli", "docker", "wizard"] });
 * // [{ key: "cli", count: 2 }, { key: "docker", count: 1 }, { key: "wizard", count: 0 }]
 * ```
 */
export function countValues(
  values: Iterable<string>,
  options: { known?: readonly string[]; keepOrder?: boolean } = {},
): Count[] {
  const counts = new Map<string, number>((options.known ?? []).map((k) => [k, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const rows = [...counts].map(([key, count]) => ({ key, count }));
  return options.keepOrder ? rows : rows.sort((a, b) => b.count - a.count);
}

/**
 * The sum of all counts.
 *
 * @example
 * ```ts
 * import { totalOf } from "./count_values.ts";
 * totalOf([{ key: "a", count: 2 }, { key: "b", count: 3 }]); // 5
 * ```
 */
export function totalOf(counts: readonly Count[]): number {
  return counts.reduce((sum, c) => sum + c.count, 0);
}
