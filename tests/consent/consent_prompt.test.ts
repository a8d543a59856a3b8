import { equal } from "node:assert/strict";
import { answerIsYes } from "../../src/consent/mod.ts";

Deno.test("y and yes in any case are yes; Enter and anything else are no", () => {
  for (const a of ["y", "Y", "yes", "YES", " Yes \n"]) equal(answerIsYes(a), true, a);
  for (const a of ["", "\n", "n", "no", "yep", "sure", "1"]) equal(answerIsYes(a), false, a);
});
