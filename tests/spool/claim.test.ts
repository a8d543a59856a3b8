import { deepEqual, equal } from "node:assert/strict";
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  appendEvents,
  claimPending,
  enforceRetention,
  makeName,
  MAX_SEGMENT_BYTES,
  pendingEvents,
  processIsAlive,
  processScope,
  purgeSpool,
  recoverAbandoned,
  settleClaim,
  spoolLayout,
  SpoolWriter,
  STALE_CLAIM_MS,
  trimToCap,
} from "../../src/spool/mod.ts";
import { eventLine, makeFifo, tempHome } from "./spool_files.ts";

const alive = { now: Date.now(), isAlive: processIsAlive };

Deno.test("a claim takes every sealed segment, and a second claim finds none of them", async () => {
  const { home, remove } = await tempHome();
  appendEvents(home, [eventLine(), eventLine()]);
  appendEvents(home, [eventLine()]);
  const first = claimPending(home, alive);
  const second = claimPending(home, alive);
  equal(first.events.length, 3);
  equal(second.events.length, 0);
  settleClaim(first, () => false);
  equal(pendingEvents(home).length, 0);
  await remove();
});

Deno.test("settling a claim gives back kept events and deletes the rest", async () => {
  const { home, remove } = await tempHome();
  const lines = [eventLine(), eventLine(), eventLine()];
  appendEvents(home, lines);
  const claim = claimPending(home, alive);
  const sent = claim.events[1].eventId;
  settleClaim(claim, (e) => e.eventId !== sent);
  deepEqual(pendingEvents(home).map((e) => e.line).sort(), [lines[0], lines[2]].sort());
  equal(readdirSync(spoolLayout(home).claimed).length, 0);
  await remove();
});

Deno.test("a claim whose process is gone is taken over by the next flusher", async () => {
  const { home, remove } = await tempHome();
  appendEvents(home, [eventLine()]);
  const crashed = claimPending(home, alive);
  equal(crashed.events.length, 1);
  const next = claimPending(home, { now: Date.now(), isAlive: () => false });
  equal(next.events.length, 1);
  await remove();
});

Deno.test("an open segment of a writer that died is adopted, its torn last line skipped", async () => {
  const { home, remove } = await tempHome();
  const { open } = spoolLayout(home);
  mkdirSync(open, { recursive: true });
  const whole = eventLine();
  writeFileSync(
    join(open, `${Date.now()}-999999-0a1b2c3d.ndjson`),
    whole + "\n" + whole.slice(0, 30),
  );
  const claim = claimPending(home, { now: Date.now(), isAlive: () => false });
  deepEqual(claim.events.map((e) => e.line), [whole]);
  equal(claim.damaged, 1);
  await remove();
});

Deno.test("a segment of garbage does not hide the events of the others", async () => {
  const { home, remove } = await tempHome();
  const { ready } = spoolLayout(home);
  appendEvents(home, [eventLine()]);
  writeFileSync(join(ready, `${Date.now()}-1-deadbeef.ndjson`), "\u0000\u0000{{{not json\n");
  equal(pendingEvents(home).length, 1);
  const dropped = enforceRetention(home, {
    ...alive,
    limits: { maxAgeMs: 86_400_000, maxBytes: 1e6 },
  });
  equal(dropped.damaged, 1);
  equal(pendingEvents(home).length, 1);
  await remove();
});

Deno.test("a writer seals full segments so one segment never exceeds one batch", async () => {
  const { home, remove } = await tempHome();
  const writer = new SpoolWriter(home);
  for (let i = 0; i < 1200; i++) writer.append(eventLine());
  writer.seal();
  const segments = readdirSync(spoolLayout(home).ready);
  equal(segments.length, 3);
  equal(pendingEvents(home).length, 1200);
  await remove();
});

Deno.test("retention drops expired events and counts them", async () => {
  const { home, remove } = await tempHome();
  appendEvents(home, [eventLine("2020-01-01T00:00:00Z"), eventLine()]);
  const dropped = enforceRetention(home, {
    ...alive,
    limits: { maxAgeMs: 86_400_000, maxBytes: 1e6 },
  });
  equal(dropped.expired, 1);
  equal(pendingEvents(home).length, 1);
  await remove();
});

Deno.test("a writer whose open segment was purged seals without error and writes on afresh", () => {
  const home = Deno.makeTempDirSync();
  const writer = new SpoolWriter(home);
  writer.append('{"event_id":"a","timestamp":"2026-11-23T10:00:00Z"}');
  purgeSpool(home);
  writer.seal();
  writer.append('{"event_id":"b","timestamp":"2026-11-23T10:00:01Z"}');
  writer.seal();
  equal(pendingEvents(home).map((e) => e.eventId).join(), "b");
  Deno.removeSync(home, { recursive: true });
});

Deno.test("a directory and a FIFO named like segments in ready/ are counted damaged once and set aside, and every other event is claimed", async () => {
  const { home, remove } = await tempHome();
  const { ready, rejected } = spoolLayout(home);
  const line = eventLine();
  appendEvents(home, [line]);
  const dir = `${Date.now()}-1-0a0a0a0a.ndjson`;
  mkdirSync(join(ready, dir));
  const fifo = `${Date.now()}-1-0b0b0b0b.ndjson`;
  makeFifo(join(ready, fifo));
  deepEqual(pendingEvents(home).map((e) => e.line), [line]);
  const claim = claimPending(home, alive);
  deepEqual(claim.events.map((e) => e.line), [line]);
  equal(claim.damaged, 2);
  settleClaim(claim, () => false);
  deepEqual(readdirSync(rejected).sort(), [dir, fifo].sort());
  deepEqual(readdirSync(ready), []);
  equal(claimPending(home, alive).damaged, 0);
  await remove();
});

Deno.test("a file where a claim folder should be does not stop the next claim", async () => {
  const { home, remove } = await tempHome();
  const { claimed } = spoolLayout(home);
  mkdirSync(claimed, { recursive: true });
  writeFileSync(join(claimed, `${Date.now() - 3_600_000}-1-0c0c0c0c`), "not a folder");
  appendEvents(home, [eventLine()]);
  equal(claimPending(home, alive).events.length, 1);
  await remove();
});

/** Writes an open segment of `pid` in `scope`, last written `idleMs` before `now`; returns its name. */
function openSegment(home: string, pid: number, scope: string, now: number, idleMs: number) {
  const { open } = spoolLayout(home);
  mkdirSync(open, { recursive: true });
  const name = makeName(now - idleMs, pid, ".ndjson", scope);
  writeFileSync(join(open, name), eventLine() + "\n");
  utimesSync(join(open, name), (now - idleMs) / 1000, (now - idleMs) / 1000);
  return name;
}

Deno.test("an open segment of a live writer in this pid namespace is never adopted, however long it sat untouched", async () => {
  const { home, remove } = await tempHome();
  const now = Date.now();
  const name = openSegment(home, 4242, processScope(), now, 30 * 86_400_000);
  recoverAbandoned(home, now, () => true);
  deepEqual(readdirSync(spoolLayout(home).open), [name]);
  recoverAbandoned(home, now, () => false);
  deepEqual(readdirSync(spoolLayout(home).ready), [name]);
  await remove();
});

Deno.test("an open segment of a writer in another pid namespace is adopted only once untouched for the stale window, whatever its pid looks like", async () => {
  const { home, remove } = await tempHome();
  const { open, ready } = spoolLayout(home);
  const other = processScope() === "0badf00d" ? "0badcafe" : "0badf00d";
  const now = Date.now();
  const busy = openSegment(home, 1, other, now, STALE_CLAIM_MS - 60_000);
  const idle = openSegment(home, 1, other, now, STALE_CLAIM_MS + 60_000);
  recoverAbandoned(home, now, () => false);
  deepEqual(readdirSync(open), [busy]);
  deepEqual(readdirSync(ready), [idle]);
  recoverAbandoned(home, now + 120_000, () => true);
  deepEqual(readdirSync(open), []);
  await remove();
});

Deno.test("trimToCap drops the oldest sealed segments whole until the spool fits, and counts their events", async () => {
  const { home, remove } = await tempHome();
  const batch = () => Array.from({ length: 300 }, () => eventLine());
  const old = [batch(), batch(), batch()];
  for (const lines of old) {
    appendEvents(home, lines);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later name for the next segment
  }
  const fresh = batch();
  appendEvents(home, fresh);
  const size = (lines: string[]) => lines.reduce((sum, line) => sum + line.length + 1, 0);
  const total = size(old.flat()) + size(fresh);
  equal(trimToCap(home, total), 0, "a spool within the cap is left alone");
  // Past the cap, it keeps at most the cap less one segment: here, the fresh segment alone.
  equal(trimToCap(home, size(fresh) + MAX_SEGMENT_BYTES, Date.now()), 900);
  deepEqual(pendingEvents(home).map((e) => e.line).sort(), [...fresh].sort());
  deepEqual(readdirSync(spoolLayout(home).claimed), []);
  await remove();
});

Deno.test("a claim of this pid namespace whose flusher lives is never taken over for the time in its name, only once idle by its folder's time", async () => {
  const { home, remove } = await tempHome();
  appendEvents(home, [eventLine()]);
  // A flusher whose clock is a day behind names its claim a day back.
  const behind = claimPending(home, { now: Date.now() - 86_400_000, isAlive: processIsAlive });
  equal(behind.events.length, 1);
  equal(claimPending(home, alive).events.length, 0, "the live claim stays its owner's");
  const later = Date.now() + STALE_CLAIM_MS + 60_000;
  equal(claimPending(home, { now: later, isAlive: processIsAlive }).events.length, 1);
  await remove();
});
