import assert from "node:assert/strict";
import {
  coarseCount,
  coarseCounts,
  EVENTS_STEP,
  INSTALLS_STEP,
  MIN_PUBLISHED_INSTALLS,
} from "../../src/coarse/mod.ts";

Deno.test("a published count is a multiple of its step, at most a step from the true one", () => {
  const key = "test secret";
  for (let installs = 10; installs < 60; installs++) {
    const [shown] = coarseCounts(
      [{ key: `g${installs}`, events: installs * 3, installs }],
      key,
      "2026-12-06",
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

Deno.test("a group of 5 installs or fewer is never published; one of 10 or more always is", () => {
  const key = "test secret";
  for (let day = 1; day <= 28; day++) {
    const date = `2026-02-${String(day).padStart(2, "0")}`;
    const groups = [1, 2, 3, 4, 5, 10, 11].map((n) => ({ key: `n${n}`, events: n, installs: n }));
    const shown = (coarseCounts(groups, key, date)).map((g) => g.key);
    assert.deepEqual(shown.filter((k) => ["n1", "n2", "n3", "n4", "n5"].includes(k)), []);
    assert.ok(shown.includes("n10") && shown.includes("n11"));
    for (const g of coarseCounts(groups, key, date)) {
      assert.ok(g.installs >= MIN_PUBLISHED_INSTALLS);
    }
  }
});

Deno.test("the same cell on the same day publishes the same; other days draw other offsets", () => {
  const key = "test secret";
  const group = [{ key: "Linux", events: 1234, installs: 321 }];
  const once = coarseCounts(group, key, "2026-12-06");
  assert.deepEqual(coarseCounts(group, key, "2026-12-06"), once);
  const days = Array.from(
    { length: 20 },
    (_, d) => coarseCounts(group, key, `2026-11-${String(d + 1).padStart(2, "0")}`),
  );
  assert.ok(new Set(days.map(([g]) => g.events)).size > 1, "offsets differ from day to day");
});

Deno.test("one count's offset is fixed by the key and the cell, and differs between keys", () => {
  assert.equal(
    coarseCount(1234, EVENTS_STEP, "k", "2026-Q1"),
    coarseCount(1234, EVENTS_STEP, "k", "2026-Q1"),
  );
  const byKey = new Set(
    Array.from(
      { length: 20 },
      (_, i) => coarseCount(1234, EVENTS_STEP, `key ${i}`, "2026-Q1"),
    ),
  );
  assert.deepEqual([...byKey].sort(), [1230, 1240]);
});

Deno.test("within a release the same true count is published the same in every group, so repeating a number gives no second sample", () => {
  const groups = ["Linux", "2.0.0", "balanced", "other"].map((key) => ({
    key,
    events: 37,
    installs: 23,
  }));
  const published = coarseCounts(groups, "test secret", "2026-Q1");
  assert.equal(new Set(published.map((g) => `${g.events}/${g.installs}`)).size, 1);
});
