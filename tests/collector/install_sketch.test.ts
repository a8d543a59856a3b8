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
/** Fixed ids, so that the sketch's few collisions of small counts do not make the test vary. */
const fixed = (n: number, from = 0) =>
  Array.from(
    { length: n },
    (_, i) => `00000000-0000-4000-8000-${String(from + i).padStart(12, "0")}`,
  );

Deno.test("a sketch counts small numbers of installs exactly, whatever the repeats and case", () => {
  const some = fixed(9);
  const sketch = sketchOf([...some, ...some, ...some.map((id) => id.toUpperCase())]);
  assert.equal(estimateInstalls(sketch), 9);
  assert.equal(estimateInstalls(emptySketch()), 0);
});

Deno.test("merged sketches count the installs of either, each once", () => {
  const shared = fixed(6);
  const a = sketchOf([...shared, ...fixed(4, 300)]);
  const b = sketchOf([...shared, ...fixed(5, 400)]);
  mergeSketch(a, b);
  assert.equal(estimateInstalls(a), 15);
});

Deno.test("random installs: 9 counted within one, 20,000 within 10%", () => {
  assert.ok(Math.abs(estimateInstalls(sketchOf(ids(9))) - 9) <= 1);
  const estimate = estimateInstalls(sketchOf(ids(20_000)));
  assert.ok(Math.abs(estimate - 20_000) < 2_000, String(estimate));
});

Deno.test("a sketch survives its text form", () => {
  const sketch = sketchOf(ids(30));
  assert.deepEqual(decodeSketch(encodeSketch(sketch)), sketch);
});
