import { deepEqual, equal, match } from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { deliverySandbox } from "../helpers/delivery_sandbox.ts";
import { makeSandbox } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { spoolEvents } from "../helpers/spool_events.ts";
import { ACCEPTED, deliveredIds, type Reply } from "../helpers/test_server.ts";

/**
 * On an install that showed the notice in an earlier run (its scan.started
 * is pending too), spools `count` more events, runs `flush` (with `env`
 * added) against a collector answering `reply`, and reads the status.
 */
async function flushAgainst(
  reply: Reply,
  count: number,
  args: string[] = [],
  env: Record<string, string> = {},
) {
  const t = await deliverySandbox(reply);
  const ids = [showNotice(t.box.home), ...spoolEvents(t.box.home, count)];
  const result = await t.box.run(["flush", ...args], { env: { ...t.env, ...env } });
  const status = JSON.parse((await t.box.run(["status", "--json"], { env: t.env })).stdout);
  return { ...t, ids, result, status };
}

Deno.test("flush delivers everything, says what it sent, and exits 0", async () => {
  const t = await flushAgainst(ACCEPTED, 1_099);
  equal(t.result.code, 0, t.result.stderr);
  equal(t.result.stderr, "");
  match(
    t.result.stdout,
    /^Sent: +1100 events in 3 batches to collector 127\.0\.0\.1:\d+\nKept: +0 events\n$/,
  );
  deepEqual(deliveredIds(t.server).sort(), [...t.ids].sort());
  equal(t.status.pending.events, 0);
  equal(t.status.last_flush.outcome, "delivered");
  const again = await t.box.run(["flush"], { env: t.env });
  equal(again.code, 0);
  equal(again.stdout, "Nothing to send.\n");
  await t.remove();
});

Deno.test("flush keeps the events and exits 3 when the collector answers 500", async () => {
  const t = await flushAgainst({ status: 500 }, 3);
  equal(t.result.code, 3);
  match(t.result.stdout, /Kept: +4 events \(HTTP 500\); next automatic attempt after 20\d\d-/);
  equal(t.status.pending.events, 4);
  equal(t.status.last_flush.outcome, "failed");
  await t.remove();
});

Deno.test("flush keeps the events and exits 3 on 429, honouring Retry-After for the next attempt", async () => {
  const before = Date.now();
  const t = await flushAgainst({ status: 429, headers: { "retry-after": "7200" } }, 1);
  equal(t.result.code, 3);
  match(t.result.stdout, /Kept: +2 events \(HTTP 429 \(retry after 7200 s\)\)/);
  equal(Date.parse(t.status.next_attempt_at) >= before + 7_200_000, true);
  await t.remove();
});

Deno.test("flush --timeout bounds a request to a collector that never answers; the events stay", async () => {
  const t = await flushAgainst("hang", 2, ["--timeout", "0.5"]);
  equal(t.result.code, 3);
  match(t.result.stdout, /Kept: +3 events \(timeout after 0\.5 s\)/);
  equal(t.status.pending.events, 3);
  await t.remove();
});

Deno.test("JMO_TELEMETRY_TIMEOUT_SECONDS sets the per-request timeout of flush; the events stay", async () => {
  const t = await flushAgainst("hang", 2, [], { JMO_TELEMETRY_TIMEOUT_SECONDS: "0.5" });
  equal(t.result.code, 3);
  match(t.result.stdout, /Kept: +3 events \(timeout after 0\.5 s\)/);
  equal(t.server.requests.length, 1);
  equal(t.status.last_flush.detail, "timeout after 0.5 s");
  equal(t.status.pending.events, 3);
  await t.remove();
});

Deno.test("flush keeps the events and exits 3 when the collector resets the connection", async () => {
  const t = await flushAgainst("reset", 2);
  equal(t.result.code, 3);
  match(t.result.stdout, /Kept: +3 events \(network error/);
  equal(t.status.pending.events, 3);
  await t.remove();
});

Deno.test("flush sets a 400 batch aside, counts it as refused, records outcome rejected, and exits 0 as nothing remains", async () => {
  const t = await flushAgainst({ status: 400, body: '{"error":"bad","details":[]}' }, 2);
  equal(t.result.code, 0);
  match(t.result.stdout, /^Sent: +0 events in 0 batches/);
  match(t.result.stdout, /Dropped: +0 expired, 0 over the 5 MiB cap, 3 refused by the server/);
  equal(t.status.dropped.rejected, 3);
  equal(t.status.rejected_batches, 1);
  equal(t.status.pending.events, 0);
  equal(t.status.last_flush.outcome, "rejected");
  equal(t.status.last_flush.sent, 0);
  const human = (await t.box.run(["status"], { env: t.env })).stdout;
  match(human, /Last flush: +rejected at 20\S+ \(sent 0, kept 0, 3 refused \(HTTP 400/);
  match(human, /Set aside: +1 refused batch kept in spool\/rejected\//);
  await t.remove();
});

Deno.test("flush splits a batch the collector finds too large (413) and delivers it all", async () => {
  const t = await deliverySandbox(ACCEPTED);
  t.server.reply = (r) => r.body.length > 50_000 ? { status: 413 } : ACCEPTED;
  const ids = [showNotice(t.box.home), ...spoolEvents(t.box.home, 399)];
  const r = await t.box.run(["flush"], { env: t.env });
  equal(r.code, 0, r.stdout);
  deepEqual(deliveredIds(t.server).sort(), [...ids].sort());
  await t.remove();
});

Deno.test("JMO_TELEMETRY_DEBUG=1 flush prints each batch on stderr, sends nothing, exits 3", async () => {
  const t = await deliverySandbox(ACCEPTED);
  spoolEvents(t.box.home, 2);
  const r = await t.box.run(["flush"], { env: { ...t.env, JMO_TELEMETRY_DEBUG: "1" } });
  equal(r.code, 3);
  match(r.stderr, /batch 1 of 1 \(2 events\), not sent; it would be POST http:\/\/127\.0\.0\.1/);
  equal(JSON.parse(r.stderr.split("\n")[1]).events.length, 2);
  match(r.stdout, /^Debug \(JMO_TELEMETRY_DEBUG\): 2 events printed on stderr/);
  equal(t.server.requests.length, 0);
  await t.remove();
});

Deno.test("flush refuses a --timeout that is not a positive number of seconds", async () => {
  const box = await makeSandbox();
  for (const value of ["0", "-1", "soon", ""]) {
    const r = await box.run(["flush", `--timeout=${value}`]);
    equal(r.code, 2);
    match(r.stderr, /--timeout must be a positive number of seconds/);
  }
  await box.remove();
});

Deno.test("flush with nothing pending says so and exits 0", async () => {
  const box = await makeSandbox();
  const r = await box.run(["flush"]);
  equal(r.code, 0);
  equal(r.stdout, "Nothing to send.\n");
  await box.remove();
});

Deno.test("flush whose audit.jsonl cannot be written (a directory) still delivers 700 events once, empties the spool, and exits 0", async () => {
  const t = await deliverySandbox(ACCEPTED);
  const ids = [showNotice(t.box.home), ...spoolEvents(t.box.home, 699)];
  mkdirSync(join(t.box.stateDir, "audit.jsonl"));
  const r = await t.box.run(["flush"], { env: t.env });
  equal(r.code, 0, r.stdout + r.stderr);
  equal(t.server.requests.length, 2);
  deepEqual(deliveredIds(t.server).sort(), [...ids].sort());
  const status = JSON.parse((await t.box.run(["status", "--json"], { env: t.env })).stdout);
  equal(status.pending.events, 0);
  match(status.last_flush.detail, /^audit\.jsonl not written/);
  equal((await t.box.run(["flush"], { env: t.env })).stdout, "Nothing to send.\n");
  equal(t.server.requests.length, 2);
  await t.remove();
});
