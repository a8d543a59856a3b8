import { equal } from "node:assert/strict";
import { acquireFlushLease, flusherRunning, releaseFlushLease } from "../../src/transport/mod.ts";
import { existsSync, mkdirSync } from "node:fs";
import { processIsAlive, spoolLayout } from "../../src/spool/mod.ts";
import { tempHome } from "../spool/spool_files.ts";

async function spoolHome() {
  const home = await tempHome();
  mkdirSync(spoolLayout(home.home).root);
  return home;
}

Deno.test("one live flusher holds the lease; a second is refused until it is released", async () => {
  const { home, remove } = await spoolHome();
  const now = Date.now();
  equal(flusherRunning(home, now, processIsAlive), false);
  equal(acquireFlushLease(home, Deno.pid, now, processIsAlive), true);
  equal(flusherRunning(home, now, processIsAlive), true);
  equal(acquireFlushLease(home, 1, now, processIsAlive), false);
  releaseFlushLease(home, 1);
  equal(flusherRunning(home, now, processIsAlive), true);
  releaseFlushLease(home, Deno.pid);
  equal(flusherRunning(home, now, processIsAlive), false);
  await remove();
});

Deno.test("the lease of a flusher that is gone, or that is stale, is broken", async () => {
  const { home, remove } = await spoolHome();
  const now = Date.now();
  equal(acquireFlushLease(home, 4_000_000, now, () => true), true);
  equal(acquireFlushLease(home, Deno.pid, now, () => false), true);
  releaseFlushLease(home, Deno.pid);
  equal(acquireFlushLease(home, 4_000_000, now - 16 * 60_000, () => true), true);
  equal(flusherRunning(home, now, () => true), false);
  equal(acquireFlushLease(home, Deno.pid, now, () => true), true);
  await remove();
});

Deno.test("without a spool folder there is no lease to take, and none is made", async () => {
  const { home, remove } = await tempHome();
  equal(acquireFlushLease(home, Deno.pid, Date.now(), processIsAlive), false);
  equal(existsSync(spoolLayout(home).root), false);
  await remove();
});
