import { deepEqual, equal } from "node:assert/strict";
import {
  FOLDED_GROUPS,
  foldSmallGroups,
  type Group,
  INSTALL_FLOOR,
} from "../../src/analytics/mod.ts";

/**
 * The folded split of groups given as `key count installs`, each group's
 * installs named after its key (`deep1`, `deep2`, …) unless a prefix follows.
 */
function fold(...specs: string[]): [string, number][] {
  const groups: Group[] = specs.map((spec) => {
    const [key, count, installs, prefix = key] = spec.split(" ");
    const names = Array.from({ length: Number(installs) }, (_, i) => `${prefix}${i + 1}`);
    return { key, count: Number(count), installs: new Set(names) };
  });
  return foldSmallGroups(groups).map((c) => [c.key, c.count]);
}

Deno.test("the floor is 5 installs", () => {
  equal(INSTALL_FLOOR, 5);
  equal(FOLDED_GROUPS, "other (groups of fewer than 5 installs)");
});

Deno.test("groups of fewer than 5 installs are folded into one other share, last, when it covers at least 5 installs", () => {
  deepEqual(fold("balanced 6 5", "deep 9 3", "fast 5 5", "slim 2 2"), [
    ["balanced", 6],
    ["fast", 5],
    [FOLDED_GROUPS, 11],
  ]);
});

Deno.test("when the other share would cover fewer than 5 installs, the smallest shown group is folded in too", () => {
  deepEqual(
    fold("Linux 8 8", "macOS 5 5", "Windows 2 2"),
    [["Linux", 8], [FOLDED_GROUPS, 7]],
    "Windows alone could be had as the total less Linux and macOS",
  );
  deepEqual(
    fold("cli 9 6", "docker 6 6", "wizard 1 1"),
    [["cli", 9], [FOLDED_GROUPS, 7]],
    "among groups of as many installs, the one with the smaller count is the smallest",
  );
});

Deno.test("small groups sharing installs are folded by the installs they cover together, not by their sum", () => {
  deepEqual(
    fold("cli 7 6", "docker 3 3 same", "wizard 3 3 same"),
    [[FOLDED_GROUPS, 13]],
    "docker and wizard come from the same 3 installs: 3, not 6, so cli is folded in too",
  );
});

Deno.test("groups without installs are neither shown nor folded, and nothing is folded when every group clears the floor", () => {
  deepEqual(fold("cli 5 5", "docker 0 0"), [["cli", 5]]);
  deepEqual(fold("slim 0 0"), []);
  deepEqual(fold("few 3 2"), [[FOLDED_GROUPS, 3]]);
});
