import { deepEqual, equal } from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  appendEvents,
  claimPending,
  enforceRetention,
  pendingEvents,
  processIsAlive,
  purgeSpool,
  settleClaim,
  spoolLayout,
  SpoolWriter,
} from "../../src/spool/mod.ts";
import { eventLine, tempHome } from "./spool_files.ts";

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
