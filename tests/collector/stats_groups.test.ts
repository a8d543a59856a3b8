import assert from "node:assert/strict";
import { groupQuery, isoWeekLabel, suppressSmallGroups } from "../../collector/src/mod.ts";

Deno.test("the ISO week of a Thursday, across year ends", () => {
  assert.equal(isoWeekLabel("2025-10-16"), "2025-W42");
  assert.equal(isoWeekLabel("2026-01-01"), "2026-W01");
  assert.equal(isoWeekLabel("2020-12-31"), "2020-W53");
  assert.equal(isoWeekLabel("2021-01-07"), "2021-W01");
  assert.equal(isoWeekLabel("2015-12-31"), "2015-W53");
});

Deno.test("groups under 5 distinct installs are dropped, not zeroed", () => {
  const shown = suppressSmallGroups([
    { key: "fast", events: 9, installs: 5 },
    { key: "deep", events: 400, installs: 4 },
    { key: "slim", events: 12, installs: 6 },
    { key: null, events: 50, installs: 50 },
  ]);
  assert.deepEqual(shown, [
    { key: "slim", events: 12, installs: 6 },
    { key: "fast", events: 9, installs: 5 },
  ]);
});

Deno.test("a dropped group that subtraction would reveal takes the smallest shown groups with it", () => {
  const shown = suppressSmallGroups([
    { key: "balanced", events: 30, installs: 10 },
    { key: "fast", events: 12, installs: 6 },
    { key: "deep", events: 9, installs: 4 },
  ]);
  assert.deepEqual(shown, [{ key: "balanced", events: 30, installs: 10 }]);
});

Deno.test("a dropped group of 5 installs or more covers the small ones: nothing more is dropped", () => {
  const shown = suppressSmallGroups([
    { key: "balanced", events: 30, installs: 10 },
    { key: "deep", events: 9, installs: 4 },
    { key: null, events: 7, installs: 7 },
  ]);
  assert.deepEqual(shown, [{ key: "balanced", events: 30, installs: 10 }]);
  assert.deepEqual(
    suppressSmallGroups([{ key: "a", events: 5, installs: 5 }, {
      key: "b",
      events: 1,
      installs: 1,
    }]),
    [],
    "one shown group and one small one: the shown one would give the small one away",
  );
});

Deno.test("labelled groups are relabelled and ordered by label", () => {
  const shown = suppressSmallGroups(
    [
      { key: "2026-01-01", events: 5, installs: 5 },
      { key: "2025-10-16", events: 9, installs: 7 },
    ],
    5,
    isoWeekLabel,
  );
  assert.deepEqual(shown.map((g) => g.key), ["2025-W42", "2026-W01"]);
});

Deno.test("a stats query counts events and distinct installs, never selecting an id", () => {
  const sql = groupQuery({ name: "platforms", key: "platform" });
  assert.match(sql, /COUNT\(DISTINCT anonymous_id\) AS installs/);
  assert.doesNotMatch(sql.replace("COUNT(DISTINCT anonymous_id)", ""), /anonymous_id|event_id/);
});
