import { deepEqual, equal, ok } from "node:assert/strict";
import {
  collectorBody,
  collectorBodySize,
  gistBody,
  gistBodySize,
  MAX_BATCH_BYTES,
  MAX_BATCH_EVENTS,
  planBatches,
} from "../../src/transport/mod.ts";

function events(count: number, bytes: number) {
  return Array.from({ length: count }, (_, i) => ({ id: i, bytes }));
}

const encoder = new TextEncoder();

/** `count` spooled events of about `padding` bytes each, their lines full of quotes JSON escapes. */
function quoted(count: number, padding: number) {
  return Array.from({ length: count }, (_, i) => {
    const line = JSON.stringify({ event_id: String(i), pad: '"'.repeat(padding) });
    return { line, bytes: encoder.encode(line).length + 1 };
  });
}

Deno.test("batches hold at most 500 events and keep the spool's order", () => {
  const batches = planBatches(events(1_201, 100), collectorBodySize);
  deepEqual(batches.map((b) => b.length), [500, 500, 201]);
  deepEqual(batches.flat().map((e) => e.id), events(1_201, 100).map((e) => e.id));
  equal(MAX_BATCH_EVENTS, 500);
});

Deno.test("a collector batch's body never passes 256 KiB", () => {
  const spooled = quoted(300, 1_000);
  const batches = planBatches(spooled, collectorBodySize);
  ok(batches.length > 1);
  for (const batch of batches) {
    ok(encoder.encode(collectorBody(batch.map((e) => e.line))).length <= MAX_BATCH_BYTES);
  }
  equal(batches.flat().length, 300);
});

Deno.test("a Gist batch's body, where JSON escapes every line into a file's content, never passes 256 KiB", () => {
  const spooled = quoted(300, 1_000);
  const body = (batch: { line: string }[]) =>
    encoder.encode(gistBody(batch.map((e) => e.line), new Date(), "0badc0de")).length;
  // Measured as collector bodies, the same batches would be far too large for a Gist.
  ok(planBatches(spooled, collectorBodySize).some((batch) => body(batch) > MAX_BATCH_BYTES));
  const batches = planBatches(spooled, gistBodySize);
  for (const batch of batches) ok(body(batch) <= MAX_BATCH_BYTES, `${body(batch)} bytes`);
  deepEqual(batches.flat(), spooled);
});

Deno.test("the Gist measure adds up to the exact size of the body", () => {
  const spooled = quoted(3, 10);
  const measured = spooled.reduce((sum, e) => sum + gistBodySize.eventBytes(e), 0);
  const body = gistBody(spooled.map((e) => e.line), new Date(), "0badc0de");
  equal(gistBodySize.emptyBytes + measured, encoder.encode(body).length);
});

Deno.test("an event larger than a batch still gets a batch of its own", () => {
  const batches = planBatches(
    [{ bytes: 10 }, { bytes: 300_000 }, { bytes: 10 }],
    collectorBodySize,
  );
  deepEqual(batches.map((b) => b.map((e) => e.bytes)), [[10], [300_000], [10]]);
});

Deno.test("nothing pending plans no batch", () => {
  deepEqual(planBatches([], collectorBodySize), []);
});
