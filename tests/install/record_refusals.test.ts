import { deepEqual, equal } from "node:assert/strict";
import { emptyState, recordRefusals } from "../../src/install/mod.ts";

Deno.test("recordRefusals counts each refused event under its reason, and past 20 reasons under 'other reasons'", () => {
  const state = emptyState();
  recordRefusals(state, ["HTTP 400", "HTTP 400", "invalid in the spool: x"]);
  equal(state.dropped.rejected, 3);
  deepEqual(state.refusals, { "HTTP 400": 2, "invalid in the spool: x": 1 });
  recordRefusals(state, Array.from({ length: 25 }, (_, i) => `reason ${i}`));
  const counts: Record<string, number> = { ...state.refusals };
  equal(Object.keys(counts).length, 21);
  equal(counts["other reasons"], 7);
  equal(state.dropped.rejected, 28);
});
