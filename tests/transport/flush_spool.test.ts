import { deepEqual, equal, match, ok } from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readState } from "../../src/install/mod.ts";
import {
  appendEvents,
  pendingEvents,
  processIsAlive,
  purgeSpool,
  recoverAbandoned,
  setAside,
  spoolLayout,
  SpoolWriter,
  STALE_CLAIM_MS,
} from "../../src/spool/mod.ts";
import { type FlushOptions, flushSpool } from "../../src/transport/mod.ts";
import {
  ACCEPTED,
  deliveredIds,
  eventIdsOf,
  type Reply,
  startTestServer,
} from "../helpers/test_server.ts";
import { eventLine, tempHome } from "../spool/spool_files.ts";
import { flushOptions } from "./flush_options.ts";

/** A temporary home holding `count` fresh events, and a server answering `reply`. */
async function setup(count: number, reply: (index: number) => Reply) {
  const { home, remove } = await tempHome();
  const lines = Array.from({ length: count }, () => eventLine());
  appendEvents(home, lines);
  const server = await startTestServer((_, index) => reply(index));
  const ids = lines.map((l) => JSON.parse(l).event_id as string);
  return {
    home,
    ids,
    server,
    flush: (extra: Partial<FlushOptions> = {}) =>
      flushSpool(
        flushOptions(home, { kind: "collector", endpoint: `${server.origin}/v1/events` }, extra),
      ),
    async done() {
      await server.close();
      await remove();
    },
  };
}

Deno.test("200: every event goes out once in batches of 500, the spool empties, the audit log holds each body before its outcome", async () => {
  const t = await setup(1_200, () => ACCEPTED);
  const report = await t.flush();
  equal(report.outcome, "delivered");
  equal(report.sent, 1_200);
  equal(report.kept, 0);
  deepEqual(t.server.requests.map((r) => eventIdsOf(r).length), [500, 500, 200]);
  deepEqual(deliveredIds(t.server).sort(), [...t.ids].sort());
  equal(t.server.requests[0].method, "POST");
  equal(t.server.requests[0].target, "/v1/events");
  equal(t.server.requests[0].headers["content-type"], "application/json");
  equal(pendingEvents(t.home).length, 0);
  const audit = readFileSync(join(t.home, "audit.jsonl"), "utf8").trim().split("\n").map((l) =>
    JSON.parse(l)
  );
  const attempts = audit.filter((a) => a.outcome === "attempt");
  deepEqual(attempts.map((a) => a.body), t.server.requests.map((r) => r.body));
  deepEqual(attempts.map((a) => a.events), [500, 500, 200]);
  equal(attempts[0].endpoint_host, `127.0.0.1:${t.server.port}`);
  deepEqual(
    audit.map((a) => `${a.batch} ${a.outcome}`),
    attempts.flatMap((a) => [`${a.batch} attempt`, `${a.batch} delivered`]),
  );
  const state = readState(t.home);
  equal(state.last_flush?.outcome, "delivered");
  equal(state.backoff, undefined);
  await t.done();
});

Deno.test("400: the refused batch is set aside and counted, never retried, and the next batch still goes", async () => {
  const t = await setup(
    700,
    (i) => i === 0 ? { status: 400, body: '{"error":"invalid"}' } : ACCEPTED,
  );
  const report = await t.flush();
  equal(report.sent, 200);
  equal(report.dropped.rejected, 500);
  equal(report.kept, 0);
  match(report.detail ?? "", /500 refused \(HTTP 400\)/);
  const rejected = spoolLayout(t.home).rejected;
  const aside = readdirSync(rejected).map((f) => readFileSync(join(rejected, f), "utf8"));
  deepEqual(
    aside.join("").trim().split("\n").map((l) => JSON.parse(l).event_id),
    eventIdsOf(t.server.requests[0]),
  );
  equal(readState(t.home).dropped.rejected, 500);
  equal((await t.flush()).outcome, "nothing");
  equal(t.server.requests.length, 2);
  await t.done();
});

Deno.test("413: a batch is cut in halves until the server takes it, and every event goes once", async () => {
  const t = await setup(500, () => ACCEPTED);
  t.server.reply = (r) => eventIdsOf(r).length > 100 ? { status: 413 } : ACCEPTED;
  const report = await t.flush();
  equal(report.outcome, "delivered");
  equal(report.sent, 500);
  deepEqual(deliveredIds(t.server).sort(), [...t.ids].sort());
  ok(t.server.requests.filter((r) => r.status === 200).every((r) => eventIdsOf(r).length <= 100));
  await t.done();
});

Deno.test("413 for a single event sets it aside instead of retrying it forever", async () => {
  const t = await setup(3, () => ({ status: 413 }));
  const report = await t.flush();
  equal(report.dropped.rejected, 3);
  equal(report.kept, 0);
  equal(pendingEvents(t.home).length, 0);
  await t.done();
});

Deno.test("a flush whose every batch was refused is recorded as rejected, not delivered", async () => {
  const t = await setup(3, () => ({ status: 400, body: '{"error":"invalid"}' }));
  const report = await t.flush();
  equal(report.outcome, "rejected");
  equal(report.sent, 0);
  equal(report.kept, 0);
  equal(report.dropped.rejected, 3);
  equal(readState(t.home).last_flush?.outcome, "rejected");
  equal(readState(t.home).backoff, undefined);
  await t.done();
});

Deno.test("a flush bounds spool/rejected/ by the maximum age and counts the deleted events in state.json", async () => {
  const t = await setup(0, () => ACCEPTED);
  setAside(t.home, [eventLine(), eventLine()], Date.now() - 31 * 86_400_000);
  const nothing = await t.flush();
  equal(nothing.outcome, "nothing");
  equal(nothing.dropped.rejectedDeleted, 2);
  equal(readState(t.home).dropped.rejected_deleted, 2);
  setAside(t.home, [eventLine()], Date.now() - 31 * 86_400_000);
  appendEvents(t.home, [eventLine()]);
  const delivered = await t.flush();
  equal(delivered.outcome, "delivered");
  equal(delivered.dropped.rejectedDeleted, 1);
  equal(readState(t.home).dropped.rejected_deleted, 3);
  equal(readdirSync(spoolLayout(t.home).rejected).length, 0);
  await t.done();
});

Deno.test("429 with Retry-After keeps every event and backs off at least that long", async () => {
  const t = await setup(10, () => ({ status: 429, headers: { "retry-after": "3600" } }));
  const before = Date.now();
  const report = await t.flush();
  equal(report.outcome, "failed");
  equal(report.kept, 10);
  equal(report.detail, "HTTP 429 (retry after 3600 s)");
  equal(pendingEvents(t.home).length, 10);
  const state = readState(t.home);
  equal(state.backoff?.failures, 1);
  ok(Date.parse(state.backoff!.next_attempt_at) >= before + 3_600_000);
  equal(report.nextAttemptAt, state.backoff?.next_attempt_at);
  const audit = readFileSync(join(t.home, "audit.jsonl"), "utf8").trim().split("\n").map((l) =>
    JSON.parse(l)
  );
  deepEqual(audit.map((a) => a.outcome), ["attempt", "kept"]);
  equal(audit[1].detail, "HTTP 429 (retry after 3600 s)");
  const waiting = await t.flush({ background: true });
  equal(waiting.outcome, "waiting");
  equal(t.server.requests.length, 1);
  await t.done();
});

Deno.test("500 keeps the batch and backs off; a flush by hand ignores the backoff and delivers", async () => {
  const t = await setup(5, () => ({ status: 500 }));
  const failed = await t.flush();
  equal(failed.outcome, "failed");
  equal(failed.detail, "HTTP 500");
  const next = Date.parse(readState(t.home).backoff!.next_attempt_at);
  ok(next >= Date.now() + 60_000 - 1_000);
  t.server.reply = () => ACCEPTED;
  const delivered = await t.flush();
  equal(delivered.outcome, "delivered");
  equal(readState(t.home).backoff, undefined);
  deepEqual(deliveredIds(t.server).sort(), [...t.ids].sort());
  await t.done();
});

Deno.test("a server that accepts and never answers: the request times out and the batch is kept", async () => {
  const t = await setup(5, () => "hang");
  const report = await t.flush({ timeoutMs: 300 });
  equal(report.outcome, "failed");
  equal(report.detail, "timeout after 0.3 s");
  equal(report.kept, 5);
  equal(pendingEvents(t.home).length, 5);
  equal(t.server.requests.length, 1);
  await t.done();
});

Deno.test("a server that resets the connection: the batch is kept as a network error", async () => {
  const t = await setup(5, () => "reset");
  const report = await t.flush();
  equal(report.outcome, "failed");
  match(report.detail ?? "", /^network error/);
  equal(pendingEvents(t.home).length, 5);
  equal(readState(t.home).backoff?.failures, 1);
  await t.done();
});

Deno.test("a failure after a success keeps only what was not answered", async () => {
  const t = await setup(700, (i) => i === 0 ? ACCEPTED : { status: 503 });
  const report = await t.flush();
  equal(report.outcome, "partial");
  equal(report.sent, 500);
  equal(report.kept, 200);
  const left = pendingEvents(t.home).map((e) => e.eventId).sort();
  deepEqual(left, eventIdsOf(t.server.requests[1]).sort());
  await t.done();
});

Deno.test("expired events are dropped unsent and counted; fresh ones are sent", async () => {
  const t = await setup(2, () => ACCEPTED);
  const old = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 19) + "Z";
  appendEvents(t.home, [eventLine(old), eventLine(old), eventLine(old)]);
  const report = await t.flush();
  equal(report.dropped.expired, 3);
  equal(report.sent, 2);
  deepEqual(deliveredIds(t.server).sort(), [...t.ids].sort());
  equal(readState(t.home).dropped.expired, 3);
  await t.done();
});

Deno.test("debug prints each batch as it would be sent and sends nothing", async () => {
  const t = await setup(600, () => ACCEPTED);
  const printed: string[] = [];
  const report = await t.flush({ debug: true, onDebug: (text) => printed.push(text) });
  equal(report.outcome, "debug");
  equal(report.kept, 600);
  equal(t.server.requests.length, 0);
  equal(printed.length, 2);
  match(
    printed[0],
    /batch 1 of 2 \(500 events\), not sent; it would be POST http:\/\/127\.0\.0\.1/,
  );
  const body = JSON.parse(printed[1].split("\n")[1]);
  equal(body.events.length, 100);
  equal(pendingEvents(t.home).length, 600);
  equal(readState(t.home).backoff, undefined);
  await t.done();
});

Deno.test("an opt-out during a flush stops it: no further batch is sent and nothing comes back", async () => {
  const t = await setup(1_200, () => ACCEPTED);
  t.server.reply = () => {
    purgeSpool(t.home);
    return ACCEPTED;
  };
  const report = await t.flush();
  equal(t.server.requests.length, 1);
  equal(report.sent, 500);
  equal(report.kept, 0);
  match(report.detail ?? "", /deleted \(an opt-out or a purge\) during the flush/);
  equal(existsSync(spoolLayout(t.home).root), false);
  equal(pendingEvents(t.home).length, 0);
  await t.done();
});

Deno.test("a flusher whose stale claim another flush took over says so, not that events were deleted", async () => {
  const t = await setup(1_200, () => ACCEPTED);
  t.server.reply = () => {
    // Another flusher, 15 min on, finds this claim stale and puts its segments back.
    recoverAbandoned(t.home, Date.now() + STALE_CLAIM_MS + 1, processIsAlive);
    return ACCEPTED;
  };
  const report = await t.flush();
  equal(t.server.requests.length, 1);
  equal(report.sent, 500);
  equal(report.kept, 700);
  equal(report.outcome, "partial");
  match(
    report.detail ?? "",
    /^another flush judged this one gone and took over its claim; the 700 events it had not sent are pending again/,
  );
  equal(pendingEvents(t.home).length, 1_200, "every event is back for the flush that took over");
  equal(readState(t.home).last_flush, undefined);
  await t.done();
});

Deno.test("a flush 20 min ahead leaves a live writer's open segment alone, so the events it appends later are delivered too", async () => {
  const t = await setup(0, () => ACCEPTED);
  const writer = new SpoolWriter(t.home);
  const lines = [eventLine(), eventLine(), eventLine()];
  writer.append(lines[0]);
  await t.flush({ now: () => new Date(Date.now() + 20 * 60_000) });
  writer.append(lines[1]);
  writer.append(lines[2]);
  writer.seal();
  await t.flush();
  deepEqual(
    [...new Set(deliveredIds(t.server))].sort(),
    lines.map((l) => JSON.parse(l).event_id).sort(),
  );
  equal(pendingEvents(t.home).length, 0);
  await t.done();
});

Deno.test("an audit.jsonl that cannot be written does not stop delivery: 700 events go once, the spool empties, the detail says so", async () => {
  const t = await setup(700, () => ACCEPTED);
  mkdirSync(join(t.home, "audit.jsonl"));
  const report = await t.flush();
  equal(report.outcome, "delivered");
  equal(report.sent, 700);
  equal(report.kept, 0);
  match(report.detail ?? "", /^audit\.jsonl not written \(is a folder\)$/);
  equal(t.server.requests.length, 2);
  deepEqual(deliveredIds(t.server).sort(), [...t.ids].sort());
  equal(pendingEvents(t.home).length, 0);
  equal(readState(t.home).last_flush?.detail, report.detail);
  equal((await t.flush()).outcome, "nothing");
  equal(t.server.requests.length, 2);
  await t.done();
});

Deno.test("an older collector that announces no schema and refuses schema 2 events gets schema 1 events only: the schema 2 events stay in the spool, never set aside", async () => {
  const { home, remove } = await tempHome();
  const lines = [1, 2, 1, 2, 1].map((schema) =>
    JSON.stringify({ ...JSON.parse(eventLine()), schema })
  );
  appendEvents(home, lines);
  const newer = lines.filter((l) => JSON.parse(l).schema === 2).map((l) => JSON.parse(l).event_id);
  // What the collector before schema 2 answers: 405 to GET, and a 400 naming each newer event.
  const server = await startTestServer((request) => {
    if (request.method !== "POST") return { status: 405, body: '{"error":"method not allowed"}' };
    const events = JSON.parse(request.body).events as { schema: number }[];
    const details = events.flatMap((e, index) =>
      e.schema === 1 ? [] : [{ index, field: "schema", reason: "must be 1" }]
    );
    if (details.length === 0) return ACCEPTED;
    return { status: 400, body: JSON.stringify({ error: "invalid", details }) };
  });
  const options = flushOptions(home, {
    kind: "collector",
    endpoint: `${server.origin}/v1/events`,
  });
  const first = await flushSpool(options);
  deepEqual([first.sent, first.kept, first.dropped.rejected], [3, 2, 0]);
  match(first.detail ?? "", /2 events of schema 2 wait in the spool .*\(it accepts 1\)/);
  deepEqual(pendingEvents(home).map((e) => e.eventId).sort(), [...newer].sort());
  equal(existsSync(spoolLayout(home).rejected), false);
  deepEqual(readState(home).collector_schemas?.schemas, [1]);
  ok(readState(home).backoff, "held events back off like a failed delivery");

  const second = await flushSpool(options);
  deepEqual([second.sent, second.kept], [0, 2]);
  deepEqual(server.requests.slice(2).map((r) => r.method), ["GET"], "asked, nothing posted");
  await server.close();
  await remove();
});

Deno.test("a collector that announces schema 2 gets schema 2 events, and a refusal on another field still sets them aside", async () => {
  const { home, remove } = await tempHome();
  appendEvents(home, [JSON.stringify({ ...JSON.parse(eventLine()), schema: 2 })]);
  const server = await startTestServer(() => ({
    status: 400,
    body: JSON.stringify({
      error: "invalid",
      details: [{ index: 0, field: "metadata.tool", reason: "must match" }],
      schemas: [1, 2],
    }),
  }));
  const report = await flushSpool(
    flushOptions(home, { kind: "collector", endpoint: `${server.origin}/v1/events` }),
  );
  deepEqual([report.sent, report.kept, report.dropped.rejected], [0, 0, 1]);
  deepEqual(readState(home).collector_schemas?.schemas, [1, 2]);
  await server.close();
  await remove();
});
