/**
 * A computer whose clock reads a time before 2000 (a dead RTC battery, a
 * board booted without network time): `track` says the clock is wrong,
 * records nothing and exits 0; the host's event is not blamed.
 */

import { equal, match } from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BINARY, makeSandbox, trackArgs } from "../helpers/run_binary.ts";

Deno.test("track under a clock reading 1999 exits 0, says the clock is wrong and records nothing", async () => {
  const box = await makeSandbox();
  const out = await new Deno.Command("faketime", {
    args: ["1999-06-01 12:00:00", BINARY, ...trackArgs("scan.started")],
    env: box.env(),
    clearEnv: true,
    cwd: box.cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  equal(out.code, 0, stderr);
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
