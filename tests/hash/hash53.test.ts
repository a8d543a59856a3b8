import { equal, notEqual } from "node:assert/strict";
import { hash53 } from "../../src/hash/mod.ts";

Deno.test("hash53 gives the same safe integer for the same text and seed, whatever the run, and another for another seed", () => {
  // Fixed values: the collector's stored install sketches depend on seed 0 not changing.
  equal(hash53("0b5c2f7e-3f0a-4c1e-9d2b-6a8e4f1c3d5a"), 6095472861936405);
  equal(hash53("jmo", 1), 4989232298146275);
  equal(hash53("jmo", 2), 7894649673284690);
  notEqual(hash53("telemetry:\n  enabled: yes\n"), hash53("telemetry:\n  enabled: off\n"));
  equal(Number.isSafeInteger(hash53("x".repeat(10_000))), true);
});
