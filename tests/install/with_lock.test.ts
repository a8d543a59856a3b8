import { deepEqual, equal } from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { withLock } from "../../src/install/mod.ts";

/** Runs `withLock`, noting each pause, each unusable report, and whether `fn` held the lock. */
function lockedRun(path: string, onPause: (n: number) => void = () => {}) {
  const pauses: number[] = [];
  const unusable: string[] = [];
  let heldInside = false;
  withLock(path, () => {
    heldInside = Deno.statSync(path).isFile && Deno.readTextFileSync(path) === String(Deno.pid);
  }, {
    pause: (ms) => {
      pauses.push(ms);
      onPause(pauses.length);
    },
    onUnusable: (problem) => unusable.push(problem),
  });
  return { pauses, unusable, heldInside };
}

Deno.test("withLock breaks a lock dated in the future at once and holds the lock itself", async () => {
  const dir = await Deno.makeTempDir();
  const lock = join(dir, ".lock");
  Deno.writeTextFileSync(lock, "99999");
  const inAnHour = new Date(Date.now() + 3_600_000);
  Deno.utimeSync(lock, inAnHour, inAnHour);
  const run = lockedRun(lock);
  deepEqual(run.pauses, [], "it waited for a lock no process holds");
  equal(run.heldInside, true, "fn ran without the lock");
  equal(existsSync(lock), false);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("withLock removes an empty folder in place of the lock and holds the lock itself", async () => {
  const dir = await Deno.makeTempDir();
  const lock = join(dir, ".lock");
  Deno.mkdirSync(lock);
  const run = lockedRun(lock);
  deepEqual(run.pauses, []);
  equal(run.heldInside, true);
  deepEqual(run.unusable, []);
  equal(existsSync(lock), false);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("withLock runs at once without the lock when a folder that is not empty is in its place, and says so once", async () => {
  const dir = await Deno.makeTempDir();
  const lock = join(dir, ".lock");
  Deno.mkdirSync(join(lock, "kept"), { recursive: true });
  const run = lockedRun(lock);
  deepEqual(run.pauses, [], "it waited for a lock that can never be had");
  equal(run.unusable.length, 1);
  equal(
    run.unusable[0],
    `${lock} is a folder that is not empty: state files are updated without their lock until it is removed`,
  );
  equal(existsSync(join(lock, "kept")), true, "the folder's content was touched");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("withLock waits for a live holder and takes the lock once it is released", async () => {
  const dir = await Deno.makeTempDir();
  const lock = join(dir, ".lock");
  Deno.writeTextFileSync(lock, "1");
  const run = lockedRun(lock, (n) => {
    if (n === 2) Deno.removeSync(lock);
  });
  equal(run.pauses.length, 2);
  equal(run.heldInside, true);
  await Deno.remove(dir, { recursive: true });
});
