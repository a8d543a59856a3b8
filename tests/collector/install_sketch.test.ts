import assert from "node:assert/strict";
import {
  addInstall,
  decodeSketch,
  emptySketch,
  encodeSketch,
  estimateInstalls,
  mergeSketch,
} from "../../collector/src/mod.ts";

function sketchOf(ids: string[]) {
  const sketch = emptySketch();
  for (const id of ids) addInstall(sketch, id);
  return sketch;
}

const ids = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());

Deno.test("a sketch counts small numbers of installs exactly, whatever the repeats and case", () => {
  const some = ids(9);
  const sketch = sketchOf([...some, ...some, ...some.map((id) => id.toUpperCase())]);
  assert.equal(estimateInstalls(sketch), 9);
  assert.equal(estimateInstalls(emptySketch()), 0);
});

Deno.test("merged sketches count the installs of either, each once", () => {
  const shared = ids(6);
  const a = sketchOf([...shared, ...ids(4)]);
  const b = sketchOf([...shared, ...ids(5)]);
  mergeSketch(a, b);
  assert.equal(estimateInstalls(a), 15);
});

Deno.test("a sketch of 20,000 installs is within 10%", () => {
  const estimate = estimateInstalls(sketchOf(ids(20_000)));
  assert.ok(Math.abs(estimate - 20_000) < 2_000, String(estimate));
});

Deno.test("a sketch survives its text form", () => {
  const sketch = sketchOf(ids(30));
  assert.deepEqual(decodeSketch(encodeSketch(sketch)), sketch);
});
