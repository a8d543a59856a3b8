/**
 * Claims taken over while their flusher still runs: by a flusher whose
 * clock is a day behind, or that lives in another pid namespace (a
 * container sharing the state folder). Nothing may be lost: every recorded
 * event is delivered, or still pending.
 */

import { deepEqual, equal } from "node:assert/strict";
import { appendEvents, pendingEvents, spoolLayout } from "../../src/spool/mod.ts";
import { type DeliverySandbox, deliverySandbox } from "../helpers/delivery_sandbox.ts";
import type { RunResult } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { ACCEPTED, deliveredIds } from "../helpers/test_server.ts";
import { eventLine } from "../spool/spool_files.ts";

/** Seals `count` one-event segments, as as many `track` runs would; returns their ids. */
function spoolSegments(t: DeliverySandbox, count: number): string[] {
  const home = `${t.box.stateDir}`;
  return Array.from({ length: count }, () => {
    const line = eventLine();
    appendEvents(home, [line]);
    return JSON.parse(line).event_id;
  });
}

/** Runs `flush` through `wrapper` (a command and its arguments before the binary). */
function flushThrough(t: DeliverySandbox, wrapper: string[]): Promise<RunResult> {
  return t.box.run(["flush", "--timeout", "60"], { env: t.env, wrapper });
}

/**
 * Rounds of four flushes on 1,500 fresh one-event segments each, by turns
 * plain and through `wrapper`, each started while the one before claims;
 * then a last plain flush. Returns what was recorded, delivered (distinct) and lost, and
 * the flushes' outputs.
 */
async function race(wrapper: string[]) {
  const t = await deliverySandbox(ACCEPTED);
  const recorded = [showNotice(t.box.home)];
  const outputs: string[] = [];
  for (let round = 0; round < 4; round++) {
    recorded.push(...spoolSegments(t, 1_500));
    // Each starts while the one before is still claiming, by turns plain and wrapped.
    const flushes = [];
    for (const wrapped of [round % 2 === 0, round % 2 === 1, round % 2 === 0, round % 2 === 1]) {
      flushes.push(flushThrough(t, wrapped ? wrapper : []));
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const results = await Promise.all(flushes);
    for (const r of results) outputs.push(r.stdout);
  }
  const last = await flushThrough(t, []);
  equal(last.code, 0, last.stdout);
  const delivered = new Set(deliveredIds(t.server));
  const pending = new Set(pendingEvents(t.box.stateDir).map((e) => e.eventId));
  const lost = recorded.filter((id) => !delivered.has(id) && !pending.has(id));
  const counts = { recorded: recorded.length, delivered: delivered.size, lost: lost.length };
  console.log(`${wrapper.join(" ")}: ${JSON.stringify(counts)}`);
  await t.remove();
  return { counts, outputs };
}

Deno.test("a flusher whose clock is a day behind never loses a claimed event: 6,001 recorded, all delivered", async () => {
  const { counts } = await race(["faketime", "-f", "-1d"]);
  deepEqual(counts, { recorded: 6_001, delivered: 6_001, lost: 0 });
});

Deno.test("flushers in two pid namespaces sharing the state folder never lose a claimed event: 6,001 recorded, all delivered", async () => {
  const { counts, outputs } = await race(["unshare", "--pid", "--fork"]);
  deepEqual(counts, { recorded: 6_001, delivered: 6_001, lost: 0 });
  // Neither judged the other's live claim gone: no flush says it was taken over.
  equal(outputs.some((o) => o.includes("took over")), false, outputs.join("\n"));
});

Deno.test("a claim folder names the pid namespace of its flusher, as segment names do", async () => {
  const t = await deliverySandbox("hang");
  showNotice(t.box.home);
  const flush = flushThrough(t, []);
  await t.server.waitForRequests(1);
  const [claim] = Deno.readDirSync(spoolLayout(t.box.stateDir).claimed).map((e) => e.name);
  equal(/^\d+-\d+@[0-9a-f]{8}-[0-9a-f]{8}$/.test(claim), true, claim);
  t.server.release(ACCEPTED);
  equal((await flush).code, 0);
  await t.remove();
});
