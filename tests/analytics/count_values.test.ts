import { deepEqual } from "node:assert/strict";
import { countValues } from "../../src/analytics/mod.ts";

Deno.test("each value counts its occurrences and its distinct installs; a known value without any shows zero", () => {
  const groups = countValues([
    { key: "cli", install: "a" },
    { key: "cli", install: "a" },
    { key: "docker", install: "b" },
    { key: "cli", install: "b" },
  ], { known: ["wizard", "cli", "docker"] });
  deepEqual(groups.map((g) => [g.key, g.count, [...g.installs].sort()]), [
    ["cli", 3, ["a", "b"]],
    ["docker", 1, ["b"]],
    ["wizard", 0, []],
  ]);
});

Deno.test("keepOrder keeps the known values' order whatever their counts", () => {
  const groups = countValues([{ key: "late", install: "a" }], {
    known: ["early", "late"],
    keepOrder: true,
  });
  deepEqual(groups.map((g) => [g.key, g.count]), [["early", 0], ["late", 1]]);
});
