import { deepEqual, equal, ok } from "node:assert/strict";
import {
  collectorBody,
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  planBatches,
} from "../../src/transport/mod.ts";

function events(count: number, bytes: number) {
  return Array.from({ length: count }, (_, i) => ({ id: i, bytes }));
}

Deno.test("batches hold at most 500 events and keep the spool's order", () => {
  const batches = planBatches(events(1_201, 100));
  deepEqual(batches.map((b) => b.length), [500, 500, 201]);
  deepEqual(batches.flat().map((e) => e.id), events(1_201, 100).map((e) => e.id));
  equal(MAX_BATCH_EVENTS, 500);
});

Deno.test("a batch's body never passes 256 KiB", () => {
  const line = JSON.stringify({ event_id: "x", pad: "a".repeat(2_000) });
  const spooled = Array.from({ length: 300 }, () => ({ line, bytes: line.length + 1 }));
  const batches = planBatches(spooled);
  ok(batches.length > 1);
  for (const batch of batches) {
    ok(new TextEncoder().encode(collectorBody(batch.map((e) => e.line))).length <= MAX_BATCH_BYTES);
  }
  equal(batches.flat().length, 300);
});

Deno.test("an event larger than a batch still gets a batch of its own", () => {
  const batches = planBatches([{ bytes: 10 }, { bytes: 300_000 }, { bytes: 10 }]);
  deepEqual(batches.map((b) => b.map((e) => e.bytes)), [[10], [300_000], [10]]);
});

Deno.test("nothing pending plans no batch", () => {
  deepEqual(planBatches([]), []);
});
