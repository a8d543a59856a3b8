import { equal } from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { makeSandbox, trackArgs } from "../helpers/run_binary.ts";

const HOST_JMO_YML = readFileSync(new URL("../fixtures/jmo.yml", import.meta.url), "utf8");

Deno.test("track from a repository holding the host's 211-line jmo.yml records, remembers the file's choice, and follows a change of it at once", async () => {
  const box = await makeSandbox();
  Deno.writeTextFileSync(join(box.cwd, "jmo.yml"), HOST_JMO_YML);
  for (let i = 0; i < 3; i++) equal((await box.run(trackArgs("tool.failed"))).code, 0);
  equal(existsSync(join(box.stateDir, "config-cache.json")), true);
  const pending = async () =>
    JSON.parse((await box.run(["status", "--json"])).stdout).pending.events;
  equal(await pending(), 3);
  Deno.writeTextFileSync(
    join(box.cwd, "jmo.yml"),
    HOST_JMO_YML.replace("telemetry:\n  enabled: true", "telemetry:\n  enabled: false"),
  );
  equal((await box.run(trackArgs("tool.failed"))).code, 0);
  equal(await pending(), 0, "the opt-out decides, and what was spooled is deleted");
  await box.remove();
});
