/**
 * The install floor of the public transparency report: no group of fewer
 * than `INSTALL_FLOOR` distinct installs is shown on its own, nor can be
 * recovered by subtracting the shown groups of the same split from its total.
 *
 * @module
 */

import { type Count, type Group, totalOf } from "./count_values.ts";

/** The fewest distinct installs a group of the public report may stand for. */
export const INSTALL_FLOOR = 5;

/** The share that the groups under the floor are folded into. */
export const FOLDED_GROUPS = `other (groups of fewer than ${INSTALL_FLOOR} installs)`;

/**
 * Whether a group stands for at least `INSTALL_FLOOR` distinct installs.
 *
 * @example
 * ```ts
 * import { clearsFloor } from "@jmo/telemetry/analytics";
 * clearsFloor({ installs: new Set(["a", "b"]) }); // false
 * ```
 */
export function clearsFloor(group: { installs: ReadonlySet<string> }): boolean {
  return group.installs.size >= INSTALL_FLOOR;
}

function smallestFirst(a: Group, b: Group): number {
  return a.installs.size - b.installs.size || a.count - b.count || a.key.localeCompare(b.key);
}

/**
 * A split as the public report may show it. Groups under the floor are
 * folded into one `FOLDED_GROUPS` share, last; when that share covers fewer
 * than `INSTALL_FLOOR` installs (but some), the smallest shown group (fewest
 * installs, then smallest count) is folded in too, so that no small group can
 * be had by subtracting the shown ones from a total. Groups without installs
 * vanish, neither shown as zero nor folded; the rest keep their order.
 *
 * @example
 * ```ts
 * import { foldSmallGroups } from "@jmo/telemetry/analytics";
 * const of = (n: number, from = 0) => new Set(Array.from({ length: n }, (_, i) => `i${from + i}`));
 * foldSmallGroups([
 *   { key: "Linux", count: 9, installs: of(9) },
 *   { key: "macOS", count: 6, installs: of(6, 9) },
 *   { key: "Windows", count: 2, installs: of(2, 15) },
 * ]); // [{ key: "Linux", count: 9 }, { key: "other (groups of fewer than 5 installs)", count: 8 }]
 * ```
 */
export function foldSmallGroups(groups: readonly Group[]): Count[] {
  const shown = groups.filter(clearsFloor);
  const folded = groups.filter((g) => !clearsFloor(g));
  const covered = new Set(folded.flatMap((g) => [...g.installs])).size;
  if (covered > 0 && covered < INSTALL_FLOOR && shown.length > 0) {
    const smallest = [...shown].sort(smallestFirst)[0];
    shown.splice(shown.indexOf(smallest), 1);
    folded.push(smallest);
  }
  return [
    ...shown.map(({ key, count }) => ({ key, count })),
    ...(covered === 0 ? [] : [{ key: FOLDED_GROUPS, count: totalOf(folded) }]),
  ];
}
