import { deepEqual, equal } from "node:assert/strict";
import { join } from "node:path";
import { readState, updateState } from "../../src/install/mod.ts";

Deno.test("a missing or damaged state.json reads as a fresh state", async () => {
  const home = await Deno.makeTempDir();
  deepEqual(readState(home).dropped, {
    expired: 0,
    over_cap: 0,
    rejected: 0,
    damaged: 0,
    rejected_deleted: 0,
  });
  Deno.writeTextFileSync(join(home, "state.json"), "{ torn");
  equal(readState(home).dropped.expired, 0);
  await Deno.remove(home, { recursive: true });
});

Deno.test("updateState changes and persists the state under the lock", async () => {
  const home = await Deno.makeTempDir();
  updateState(home, (s) => {
    s.dropped.expired += 2;
  });
  updateState(home, (s) => {
    s.dropped.expired += 3;
  });
  equal(readState(home).dropped.expired, 5);
  await Deno.remove(home, { recursive: true });
});

Deno.test("a state.json written before a counter existed reads that counter as 0", async () => {
  const home = await Deno.makeTempDir();
  Deno.writeTextFileSync(
    join(home, "state.json"),
    JSON.stringify({ dropped: { expired: 4, over_cap: 0, rejected: 1, damaged: 0 } }),
  );
  equal(readState(home).dropped.expired, 4);
  equal(readState(home).dropped.rejected_deleted, 0);
  await Deno.remove(home, { recursive: true });
});
