import { deepEqual, equal } from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { boundRejected, MAX_REJECTED_BYTES, setAside, spoolLayout } from "../../src/spool/mod.ts";
import { eventLine, makeFifo, tempHome } from "./spool_files.ts";

const DAY = 86_400_000;
const HOUR = 3_600_000;
const limits = { maxAgeMs: 30 * DAY };

function asideLines(home: string): string[] {
  const dir = spoolLayout(home).rejected;
  return readdirSync(dir).flatMap((f) => readFileSync(join(dir, f), "utf8").trim().split("\n"));
}

Deno.test("boundRejected deletes batches set aside longer than the maximum age and counts their events", async () => {
  const { home, remove } = await tempHome();
  const now = Date.now();
  setAside(home, [eventLine(), eventLine()], now - 31 * DAY);
  const recent = [eventLine()];
  setAside(home, recent, now - 29 * DAY);
  equal(boundRejected(home, { now, ...limits }), 2);
  deepEqual(asideLines(home), recent);
  equal(boundRejected(home, { now, ...limits }), 0);
  await remove();
});

Deno.test("boundRejected keeps rejected/ within 1 MiB by deleting the oldest batches first", async () => {
  const { home, remove } = await tempHome();
  const now = Date.now();
  // Three batches of 100 lines of about 4 KiB: 1.2 MiB together, two fit.
  const batch = () =>
    Array.from(
      { length: 100 },
      () => JSON.stringify({ line: eventLine(), pad: "x".repeat(4_000) }),
    );
  const [oldest, middle, newest] = [batch(), batch(), batch()];
  setAside(home, oldest, now - 3 * HOUR);
  setAside(home, middle, now - 2 * HOUR);
  setAside(home, newest, now - HOUR);
  equal(MAX_REJECTED_BYTES, 1024 * 1024);
  equal(boundRejected(home, { now, ...limits }), 100);
  deepEqual(asideLines(home).sort(), [...middle, ...newest].sort());
  await remove();
});

Deno.test("boundRejected with no rejected/ folder deletes nothing", async () => {
  const { home, remove } = await tempHome();
  equal(boundRejected(home, { now: Date.now(), ...limits }), 0);
  await remove();
});

Deno.test("boundRejected deletes a set-aside directory or FIFO once past the maximum age, counting no events for them", async () => {
  const { home, remove } = await tempHome();
  const now = Date.now();
  const dir = spoolLayout(home).rejected;
  mkdirSync(join(dir, `${now - 31 * DAY}-1-0a0a0a0a.ndjson`), { recursive: true });
  writeFileSync(join(dir, `${now - 31 * DAY}-1-0a0a0a0a.ndjson`, "inside"), eventLine());
  makeFifo(join(dir, `${now - 31 * DAY}-1-0b0b0b0b.ndjson`));
  const recent = `${now - DAY}-1-0c0c0c0c.ndjson`;
  makeFifo(join(dir, recent));
  equal(boundRejected(home, { now, ...limits }), 0);
  deepEqual(readdirSync(dir), [recent]);
  await remove();
});
