import assert from "node:assert/strict";
import { discardBody, readBoundedBody } from "../../collector/src/read_body.ts";

const SECOND = 1000;

function stream(chunks: number[]): ReadableStream<Uint8Array> & { pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = chunks[pulled++];
      if (size === undefined) controller.close();
      else controller.enqueue(new Uint8Array(size));
    },
  }, { highWaterMark: 0 });
  return Object.assign(body, { pulled: () => pulled });
}

Deno.test("a body up to the limit is read whole", async () => {
  const read = await readBoundedBody(null, stream([600, 424]), 1024, SECOND);
  assert.ok(read.ok);
  assert.equal(read.bytes.length, 1024);
  assert.deepEqual(await readBoundedBody(null, null, 1024, SECOND), {
    ok: true,
    bytes: new Uint8Array(),
  });
});

Deno.test("a declared length over the limit is refused, and the body read and dropped", async () => {
  const body = stream([1000, 25]);
  assert.deepEqual(await readBoundedBody("1025", body, 1024, SECOND), {
    ok: false,
    problem: "too-large",
  });
  assert.equal(body.pulled(), 3, "read to its end, so the connection can carry the next request");
});

Deno.test("a declared length over 1 MiB is refused without reading a byte", async () => {
  const body = stream([1000]);
  assert.deepEqual(await readBoundedBody(String(2 ** 20 + 1), body, 1024, SECOND), {
    ok: false,
    problem: "too-large",
  });
  assert.equal(body.pulled(), 0);
});

Deno.test("a body longer than it declares is cut off at the limit", async () => {
  assert.deepEqual(await readBoundedBody("10", stream([600, 600]), 1024, SECOND), {
    ok: false,
    problem: "too-large",
  });
  assert.deepEqual(await readBoundedBody(null, stream([1025]), 1024, SECOND), {
    ok: false,
    problem: "too-large",
  });
});

Deno.test("a body that does not arrive in time is given up as a timeout", async () => {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(1));
    },
    cancel() {
      cancelled = true;
    },
  });
  assert.deepEqual(await readBoundedBody(null, body, 1024, 50), { ok: false, problem: "timeout" });
  assert.ok(cancelled, "the rest is cancelled");
});

Deno.test("a body whose stream breaks (the client went away) is told apart as aborted", async () => {
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.error(new Error("connection reset"));
    },
  });
  assert.deepEqual(await readBoundedBody(null, body, 1024, SECOND), {
    ok: false,
    problem: "aborted",
  });
});

Deno.test("discardBody reads an unwanted body to its end, and stops at its limit", async () => {
  const small = stream([100, 100]);
  await discardBody(small, 1024, SECOND);
  assert.equal(small.pulled(), 3);
  const big = stream([600, 600, 600, 600]);
  await discardBody(big, 1024, SECOND);
  assert.equal(big.pulled(), 2, "stops once past the limit");
});
