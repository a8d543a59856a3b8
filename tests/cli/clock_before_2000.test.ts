/**
 * A computer whose clock reads a time before 2000 (a dead RTC battery, a
 * board booted without network time): `track` says the clock is wrong,
 * records nothing and exits 0; the host's event is not blamed.
 */

import { equal, match } from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { makeSandbox, trackArgs } from "../helpers/run_binary.ts";

Deno.test("track under a clock reading 1999 exits 0, says the clock is wrong and records nothing", async () => {
  const box = await makeSandbox();
  const { code, stderr } = await box.run(trackArgs("scan.started"), {
    wrapper: ["faketime", "1999-06-01 12:00:00"],
  });
  equal(code, 0, stderr);
  equal(
    stderr,
    "jmo-telemetry: event not recorded: this computer's clock reads 1999-06-01, before 2000: set the clock right; your command is unaffected\n",
  );
  equal(existsSync(join(box.stateDir, "spool")), false);
  equal(existsSync(join(box.stateDir, "telemetry-id")), false);
  equal((await box.run(trackArgs("scan.started"))).code, 0);
  match((await box.run(["status"])).stdout, /Pending: +1 event,/);
  await box.remove();
});
