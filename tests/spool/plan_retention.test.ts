import { deepEqual } from "node:assert/strict";
import { planRetention } from "../../src/spool/mod.ts";

const DAY = 86_400_000;

Deno.test("planRetention drops events older than the maximum age", () => {
  const plan = planRetention(
    [
      { eventId: "old", timestampMs: 0, bytes: 10 },
      { eventId: "new", timestampMs: 29 * DAY, bytes: 10 },
    ],
    31 * DAY,
    { maxAgeMs: 30 * DAY, maxBytes: 1000 },
  );
  deepEqual([...plan.expired], ["old"]);
  deepEqual([...plan.overCap], []);
});

Deno.test("planRetention drops the oldest first until the spool fits its cap", () => {
  const plan = planRetention(
    [
      { eventId: "c", timestampMs: 3, bytes: 40 },
      { eventId: "a", timestampMs: 1, bytes: 40 },
      { eventId: "b", timestampMs: 2, bytes: 40 },
    ],
    10,
    { maxAgeMs: DAY, maxBytes: 80 },
  );
  deepEqual([...plan.overCap], ["a"]);
});

Deno.test("planRetention keeps everything within both limits", () => {
  const plan = planRetention([{ eventId: "a", timestampMs: 5, bytes: 10 }], 10, {
    maxAgeMs: DAY,
    maxBytes: 10,
  });
  deepEqual([plan.expired.size, plan.overCap.size], [0, 0]);
});
