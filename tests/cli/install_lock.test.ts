import { deepEqual, equal } from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { makeSandbox, type Sandbox, trackArgs } from "../helpers/run_binary.ts";

/** A sandbox whose install exists (one event recorded), with `.lock` made by `plant`. */
async function installWithLock(plant: (lock: string) => void): Promise<[Sandbox, string]> {
  const box = await makeSandbox();
  equal((await box.run(trackArgs("scan.started"))).code, 0);
  const lock = join(box.stateDir, ".lock");
  plant(lock);
  return [box, lock];
}

async function scanCount(box: Sandbox): Promise<number> {
  return JSON.parse((await box.run(["status", "--json"])).stdout).scan_count;
}

// A run that waited out the lock and went on without it leaves the planted
// `.lock` in place; one that broke it took the lock and removed it after.

const LEFTOVERS: [string, (lock: string) => void][] = [
  ["a lock file dated in the future", (lock) => {
    Deno.writeTextFileSync(lock, "12345");
    const inAnHour = new Date(Date.now() + 3_600_000);
    Deno.utimeSync(lock, inAnHour, inAnHour);
  }],
  ["an empty folder named .lock", (lock) => Deno.mkdirSync(lock)],
];

for (const [leftover, plant] of LEFTOVERS) {
  Deno.test(`track removes ${leftover} and takes the lock instead of waiting it out`, async () => {
    const [box, lock] = await installWithLock(plant);
    const r = await box.run(trackArgs("scan.started"));
    equal(r.code, 0, r.stderr);
    equal(existsSync(lock), false, `${leftover} was waited out, not removed`);
    equal(await scanCount(box), 2);
    await box.remove();
  });
}

Deno.test("track with a folder named .lock that is not empty updates the state at once and says so in one line", async () => {
  const [box, lock] = await installWithLock((lock) =>
    Deno.mkdirSync(join(lock, "kept"), { recursive: true })
  );
  const r = await box.run(trackArgs("scan.started"));
  equal(r.code, 0);
  deepEqual(
    r.stderr.split("\n").filter((line) => line.includes(".lock")),
    [
      `jmo-telemetry: event recorded; ${lock} is a folder that is not empty: state files are updated without their lock until it is removed; your command is unaffected`,
    ],
  );
  equal(existsSync(join(lock, "kept")), true);
  equal(await scanCount(box), 2);
  await box.remove();
});
