/**
 * `POST /v1/events` on the real Workers runtime with D1 on disk.
 */

import assert from "node:assert/strict";
import { startTestCollector } from "../helpers/start_test_collector.ts";
import { envelope, envelopes, withoutReceivedAt } from "./envelopes.ts";

const MAX_BODY = 256 * 1024;

Deno.test("POST /v1/events on the local collector", async (t) => {
  await using collector = await startTestCollector();
  const storedIds = async () => new Set((await collector.exported()).map((l) => l.event_id));

  await t.step("a valid batch is stored and answered with its counts", async () => {
    const batch = envelopes(7);
    const answer = await collector.post({ events: batch });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { accepted: 7, duplicates: 0, conflicts: 0, schemas: [1, 2] });
    assert.equal(answer.headers.get("access-control-allow-origin"), "*");
  });

  await t.step("each export line is the envelope as received plus received_at", async () => {
    const sent = envelope("scan.completed");
    const before = Date.now();
    await collector.post({ events: [sent] });
    const line = (await collector.exported()).find((l) => l.event_id === sent.event_id);
    assert.ok(line, "the event is exported");
    assert.deepEqual(withoutReceivedAt(line), sent);
    assert.equal(Object.keys(line).at(-1), "received_at");
    const receivedAt = Date.parse(String(line.received_at));
    assert.ok(receivedAt >= before - 1000 && receivedAt <= Date.now() + 1000);
  });

  await t.step("a redelivered batch is stored once and counted as duplicates", async () => {
    const batch = envelopes(5);
    assert.deepEqual((await collector.post({ events: batch })).json, {
      accepted: 5,
      duplicates: 0,
      conflicts: 0,
      schemas: [1, 2],
    });
    const again = await collector.post({ events: [...batch, batch[0]] });
    assert.deepEqual(again.json, { accepted: 0, duplicates: 6, conflicts: 0, schemas: [1, 2] });
    const lines = await collector.exported();
    for (const e of batch) {
      assert.equal(lines.filter((l) => l.event_id === e.event_id).length, 1);
    }
  });

  await t.step("an event_id differing only in case is the same event", async () => {
    const sent = envelope("tool.failed");
    await collector.post(sent);
    const shouted = { ...sent, event_id: sent.event_id.toUpperCase() };
    assert.deepEqual((await collector.post(shouted)).json, {
      accepted: 0,
      duplicates: 1,
      conflicts: 0,
      schemas: [1, 2],
    });
  });

  await t.step("a bare envelope, as in the source documents' curl test, is accepted", async () => {
    const sent = envelope("wizard.completed");
    const answer = await collector.post(sent);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { accepted: 1, duplicates: 0, conflicts: 0, schemas: [1, 2] });
    assert.ok((await storedIds()).has(sent.event_id));
  });

  await t.step("500 events in one request are all stored in one answer", async () => {
    // Local D1 refuses a statement with more than 100 bound parameters, so this
    // also proves the inserts are chunked.
    const batch = envelopes(500);
    const answer = await collector.post({ events: batch });
    assert.deepEqual(answer.json, { accepted: 500, duplicates: 0, conflicts: 0, schemas: [1, 2] });
    const ids = await storedIds();
    assert.ok(batch.every((e) => ids.has(e.event_id)));
  });

  await t.step("501 events are refused with 413 and nothing is stored", async () => {
    const batch = envelopes(501);
    const answer = await collector.post({ events: batch });
    assert.equal(answer.status, 413);
    const ids = await storedIds();
    assert.ok(batch.every((e) => !ids.has(e.event_id)));
  });

  await t.step("a body of exactly 256 KiB is accepted, one byte more gives 413", async () => {
    const [first, second] = envelopes(2);
    const pad = (text: string) =>
      text + " ".repeat(MAX_BODY - new TextEncoder().encode(text).length);
    const fits = pad(JSON.stringify({ events: [first] }));
    assert.equal(fits.length, MAX_BODY);
    assert.deepEqual((await collector.post(fits)).json, {
      accepted: 1,
      duplicates: 0,
      conflicts: 0,
      schemas: [1, 2],
    });
    const over = pad(JSON.stringify({ events: [second] })) + " ";
    assert.equal((await collector.post(over)).status, 413);
    assert.ok(!(await storedIds()).has(second.event_id));
  });

  await t.step("a streamed body without Content-Length is cut off past 256 KiB", async () => {
    const sent = envelope("scan.started");
    const text = JSON.stringify({ events: [sent] }) + " ".repeat(MAX_BODY);
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16 * 1024) {
          controller.enqueue(bytes.slice(i, i + 16 * 1024));
        }
        controller.close();
      },
    });
    const answer = await collector.request("/v1/events", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
    });
    assert.equal(answer.status, 413);
    assert.match(String((answer.json as { error: unknown }).error), /bytes/);
    assert.ok(!(await storedIds()).has(sent.event_id));
  });

  await t.step("malformed JSON and bodies of the wrong shape are answered 400", async () => {
    for (
      const body of [
        "{",
        "",
        new Uint8Array([0x7b, 0xff, 0x7d]),
        "[]",
        '"scan.started"',
        "null",
        "42",
        "true",
        '{"events":{}}',
        '{"events":null}',
        '{"events":"x"}',
        `{"events":[],"extra":1}`,
      ]
    ) {
      const answer = await collector.post(body);
      assert.equal(answer.status, 400, `body ${JSON.stringify(String(body))}`);
      const { error, details } = answer.json as { error: unknown; details: unknown };
      assert.equal(typeof error, "string");
      assert.deepEqual(details, []);
    }
  });

  await t.step(
    "events that are not objects, and bodies that are empty objects, are answered 400 naming index 0",
    async () => {
      for (
        const body of [
          '{"events":[1]}',
          '{"events":[null]}',
          '{"events":[[]]}',
          "{}",
          '{"__proto__":{}}',
        ]
      ) {
        const answer = await collector.post(body);
        assert.equal(answer.status, 400, `body ${body}`);
        const { details } = answer.json as { details: { index: number }[] };
        assert.equal(details[0]?.index, 0, `body ${body}`);
      }
    },
  );

  await t.step("one invalid event refuses the request, naming its index and field", async () => {
    const batch = envelopes(5);
    const bad = envelope("tool.failed");
    const sent: unknown[] = [...batch];
    sent[3] = { ...bad, metadata: { ...bad.metadata, tool: "/usr/local/bin/trivy" } };
    const answer = await collector.post({ events: sent });
    assert.equal(answer.status, 400);
    const { error, details } = answer.json as {
      error: string;
      details: { index: number; field: string; reason: string }[];
    };
    assert.match(error, /nothing of this request was stored/);
    assert.deepEqual(details.map(({ index, field }) => ({ index, field })), [
      { index: 3, field: "metadata.tool" },
    ]);
    const ids = await storedIds();
    assert.ok(
      [...batch, bad].every((e) => !ids.has(e.event_id)),
      "no event of the request is stored",
    );
  });

  await t.step(
    "an event of a schema version it does not know is refused on its field schema, and the answer says which versions it accepts",
    async () => {
      const batch = envelopes(2);
      const answer = await collector.post({ events: [batch[0], { ...batch[1], schema: 3 }] });
      assert.equal(answer.status, 400);
      const { details, schemas } = answer.json as {
        details: { index: number; field: string }[];
        schemas: number[];
      };
      assert.deepEqual(details.map(({ index, field }) => ({ index, field })), [
        { index: 1, field: "schema" },
      ]);
      assert.deepEqual(schemas, [1, 2]);
    },
  );

  await t.step("a wrapped batch with an unknown key on one event names that key", async () => {
    const batch = envelopes(2);
    const answer = await collector.post({ events: [batch[0], { ...batch[1], client_ip: "x" }] });
    assert.equal(answer.status, 400);
    const { details } = answer.json as { details: { index: number; field: string }[] };
    assert.deepEqual(details.map(({ index, field }) => ({ index, field })), [
      { index: 1, field: "client_ip" },
    ]);
  });

  await t.step("the CORS preflight answers as the source documents' Worker", async () => {
    const answer = await collector.request("/v1/events", {
      method: "OPTIONS",
      headers: {
        Origin: "https://example.org",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type",
      },
    });
    assert.ok(answer.status === 200 || answer.status === 204);
    assert.equal(answer.headers.get("access-control-allow-origin"), "*");
    assert.equal(answer.headers.get("access-control-allow-methods"), "POST, OPTIONS");
    assert.equal(answer.headers.get("access-control-allow-headers"), "Content-Type");
  });

  await t.step("GET /v1/events announces the accepted schema versions", async () => {
    const answer = await collector.request("/v1/events");
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { schemas: [1, 2] });
  });

  await t.step("other methods on /v1/events are answered 405", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const answer = await collector.request("/v1/events", { method });
      assert.equal(answer.status, 405, method);
      assert.equal(answer.headers.get("allow"), "GET, POST, OPTIONS");
    }
  });

  await t.step("an unknown path is answered 404", async () => {
    assert.equal((await collector.request("/v2/events", { method: "POST" })).status, 404);
  });
});
