import assert from "node:assert/strict";
import {
  coarseCounts,
  EVENTS_STEP,
  INSTALLS_STEP,
  MIN_PUBLISHED_INSTALLS,
  offsetKey,
} from "../../collector/src/mod.ts";

Deno.test("a published count is a multiple of its step, at most a step from the true one", async () => {
  const key = await offsetKey("test secret");
  for (let installs = 10; installs < 60; installs++) {
    const [shown] = await coarseCounts(
      [{ key: `g${installs}`, events: installs * 3, installs }],
      key,
      "2026-12-06",
      "platforms",
    );
    assert.equal(shown.installs % INSTALLS_STEP, 0);
    assert.equal(shown.events % EVENTS_STEP, 0);
    assert.ok(
      shown.installs > installs - INSTALLS_STEP && shown.installs < installs + INSTALLS_STEP,
    );
    assert.ok(
      shown.events > installs * 3 - EVENTS_STEP && shown.events < installs * 3 + EVENTS_STEP,
    );
  }
});

Deno.test("a group of 5 installs or fewer is never published; one of 10 or more always is", async () => {
  const key = await offsetKey("test secret");
  for (let day = 1; day <= 28; day++) {
    const date = `2026-02-${String(day).padStart(2, "0")}`;
    const groups = [1, 2, 3, 4, 5, 10, 11].map((n) => ({ key: `n${n}`, events: n, installs: n }));
    const shown = (await coarseCounts(groups, key, date, "versions")).map((g) => g.key);
    assert.deepEqual(shown.filter((k) => ["n1", "n2", "n3", "n4", "n5"].includes(k)), []);
    assert.ok(shown.includes("n10") && shown.includes("n11"));
    for (const g of await coarseCounts(groups, key, date, "versions")) {
      assert.ok(g.installs >= MIN_PUBLISHED_INSTALLS);
    }
  }
});

Deno.test("the same cell on the same day publishes the same; other days draw other offsets", async () => {
  const key = await offsetKey("test secret");
  const group = [{ key: "Linux", events: 1234, installs: 321 }];
  const once = await coarseCounts(group, key, "2026-12-06", "platforms");
  assert.deepEqual(await coarseCounts(group, key, "2026-12-06", "platforms"), once);
  const days = await Promise.all(
    Array.from(
      { length: 20 },
      (_, d) => coarseCounts(group, key, `2026-11-${String(d + 1).padStart(2, "0")}`, "platforms"),
    ),
  );
  assert.ok(new Set(days.map(([g]) => g.events)).size > 1, "offsets differ from day to day");
});
