import { deepEqual, equal } from "node:assert/strict";
import { barOf, terminalBars, terminalStyle, wantsColour } from "../../src/analytics/mod.ts";

Deno.test("bars scale to the largest count in eighths of a cell, and a non-zero count always shows", () => {
  equal(barOf(30, 30), "█".repeat(30));
  equal(barOf(1, 2, 4), "██");
  equal(barOf(1, 16, 4), "▎");
  equal(barOf(1, 1000, 4), "▏");
  equal(barOf(0, 10), "");
});

Deno.test("each row gives the label, the count, the bar and the share of the total", () => {
  const lines = terminalBars(
    [{ key: "Linux", count: 3 }, { key: "Windows", count: 1 }],
    terminalStyle(false),
  );
  deepEqual(lines, [
    `  Linux    3  ${"█".repeat(30)}  75%`,
    `  Windows  1  ${"█".repeat(10)}${" ".repeat(20)}  25%`,
  ]);
  deepEqual(terminalBars([], terminalStyle(false)), ["  (none)"]);
});

Deno.test("colour only on a terminal and never when NO_COLOR is present and not empty", () => {
  equal(wantsColour({}, true), true);
  equal(wantsColour({}, false), false);
  equal(wantsColour({ NO_COLOR: "1" }, true), false);
  equal(wantsColour({ NO_COLOR: "0" }, true), false, "any value turns colour off");
  equal(wantsColour({ NO_COLOR: "" }, true), true, "an empty NO_COLOR is absent");
  equal(terminalStyle(true).bar("█"), "\x1b[32m█\x1b[0m");
});
