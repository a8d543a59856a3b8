import assert from "node:assert/strict";
import { readBoundedBody } from "../../collector/src/mod.ts";

function stream(chunks: number[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const size of chunks) controller.enqueue(new Uint8Array(size));
      controller.close();
    },
  });
}

Deno.test("a body up to the limit is read whole", async () => {
  const read = await readBoundedBody(null, stream([600, 424]), 1024);
  assert.ok(read.ok);
  assert.equal(read.bytes.length, 1024);
  assert.deepEqual(await readBoundedBody(null, null, 1024), { ok: true, bytes: new Uint8Array() });
});

Deno.test("a declared length over the limit is refused before reading", async () => {
  let pulled = false;
  const body = new ReadableStream<Uint8Array>({
    pull() {
      pulled = true;
    },
  });
  assert.deepEqual(await readBoundedBody("1025", body, 1024), { ok: false });
  assert.ok(!pulled);
});

Deno.test("a body longer than it declares is cut off at the limit", async () => {
  assert.deepEqual(await readBoundedBody("10", stream([600, 600]), 1024), { ok: false });
  assert.deepEqual(await readBoundedBody(null, stream([1025]), 1024), { ok: false });
});
