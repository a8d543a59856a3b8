/**
 * A spooled line that parses but is no valid event (a flipped bit, an older
 * client's bug) sinks nothing but itself: it is set aside and counted with
 * its reason, and every other event of its batch is delivered.
 */

import { deepEqual, equal, match } from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { appendEvents, spoolLayout } from "../../src/spool/mod.ts";
import { deliverySandbox } from "../helpers/delivery_sandbox.ts";
import { makeSandbox } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { startTestCollector } from "../helpers/start_test_collector.ts";
import { ACCEPTED, deliveredIds, eventIdsOf } from "../helpers/test_server.ts";
import { eventLine } from "../spool/spool_files.ts";

/** A line that parses, names an id and a time, and fails the schema: its tool is no tool name. */
function invalidLine(): string {
  const event = JSON.parse(eventLine());
  return JSON.stringify({ ...event, metadata: { ...event.metadata, tool: "Trivy Scanner!" } });
}

Deno.test("one parseable but invalid line among 22 valid ones: the 22 reach the real collector, the bad one is set aside and counted with its reason", async () => {
  await using collector = await startTestCollector();
  const box = await makeSandbox();
  const notice = showNotice(box.home);
  const valid = Array.from({ length: 22 }, () => eventLine());
  const bad = invalidLine();
  appendEvents(box.stateDir, [...valid.slice(0, 11), bad, ...valid.slice(11)]);
  const env = { JMO_TELEMETRY_ENDPOINT: collector.eventsUrl };
  const r = await box.run(["flush"], { env });
  equal(r.code, 0, r.stdout + r.stderr);
  match(r.stdout, /^Sent: +23 events in 1 batch/);
  const stored = (await collector.exported()).map((e) => e.event_id as string);
  deepEqual(stored.sort(), [notice, ...valid.map((l) => JSON.parse(l).event_id)].sort());
  const rejected = spoolLayout(box.stateDir).rejected;
  const aside = readdirSync(rejected).map((name) => readFileSync(join(rejected, name), "utf8"));
  deepEqual(aside, [bad + "\n"]);
  const status = JSON.parse((await box.run(["status", "--json"])).stdout);
  equal(status.dropped.rejected, 1);
  deepEqual(Object.values(status.refusals), [1]);
  match(
    Object.keys(status.refusals)[0],
    /^invalid in the spool: tool\.failed: metadata\.tool: must match/,
  );
  match(
    (await box.run(["status"])).stdout,
    /refused: +1 x invalid in the spool: tool\.failed: metadata\.tool/,
  );
  await box.remove();
});

Deno.test("a collector's 400 naming one bad index sets aside that event alone and sends the rest again", async () => {
  const t = await deliverySandbox(ACCEPTED);
  const ids = [showNotice(t.box.home)];
  const lines = Array.from({ length: 30 }, () => eventLine());
  appendEvents(t.box.stateDir, lines);
  ids.push(...lines.map((l) => JSON.parse(l).event_id));
  const refusedId = ids[7];
  t.server.reply = (request) => {
    const index = eventIdsOf(request).indexOf(refusedId);
    if (index === -1) return ACCEPTED;
    return {
      status: 400,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        error: "1 invalid event(s); nothing of this request was stored",
        details: [{ index, field: "metadata.profile", reason: "must be at most 40 characters" }],
      }),
    };
  };
  const r = await t.box.run(["flush"], { env: t.env });
  equal(r.code, 0, r.stdout);
  deepEqual(deliveredIds(t.server).sort(), ids.filter((id) => id !== refusedId).sort());
  const status = JSON.parse((await t.box.run(["status", "--json"])).stdout);
  equal(status.dropped.rejected, 1);
  deepEqual(status.refusals, { "HTTP 400: metadata.profile: must be at most 40 characters": 1 });
  equal(status.pending.events, 0);
  await t.remove();
});
