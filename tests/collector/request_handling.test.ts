/**
 * How `POST /v1/events` treats the request itself: its media type, a body
 * refused unread, a body that trickles, and an `event_id` reused with other
 * contents; and how far ahead of the collector's clock an event may be stamped.
 */

import assert from "node:assert/strict";
import { startTestCollector, type TestCollector } from "../helpers/start_test_collector.ts";
import { envelope, envelopes } from "./envelopes.ts";

/** Everything the collector sends back on one raw connection until it closes it (or `ms` pass). */
async function rawExchange(collector: TestCollector, request: string, ms: number): Promise<string> {
  const connection = await Deno.connect({
    hostname: "127.0.0.1",
    port: Number(new URL(collector.url).port),
  });
  await connection.write(new TextEncoder().encode(request));
  const received: Uint8Array[] = [];
  const timer = setTimeout(() => connection.close(), ms);
  try {
    const buffer = new Uint8Array(64 * 1024);
    while (true) {
      const n = await connection.read(buffer).catch(() => null);
      if (n === null) break;
      received.push(buffer.slice(0, n));
    }
  } finally {
    clearTimeout(timer);
    try {
      connection.close();
    } catch {
      // already closed by the timer
    }
  }
  return new TextDecoder().decode(new Uint8Array(received.flatMap((chunk) => [...chunk])));
}

function statusLines(answer: string): string[] {
  return answer.match(/HTTP\/1\.1 \d{3}/g) ?? [];
}

Deno.test("POST /v1/events accepts application/json only: text/plain and forms get 415", async () => {
  await using collector = await startTestCollector();
  const sent = envelope("scan.started");
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
    const answer = await collector.request("/v1/events", {
      method: "POST",
      headers: { "Content-Type": type },
      body: JSON.stringify(sent),
    });
    assert.equal(answer.status, 415, type);
    assert.match(String((answer.json as { error: string }).error), /application\/json/);
  }
  assert.deepEqual(await collector.exported(), [], "nothing stored");
  const json = await collector.request("/v1/events", {
    method: "POST",
    headers: { "Content-Type": "Application/JSON; charset=utf-8" },
    body: JSON.stringify(sent),
  });
  assert.equal(json.status, 200);
});

Deno.test("a 413 body is read before the answer, so the same connection serves the next request", async () => {
  await using collector = await startTestCollector();
  const big = " ".repeat(300 * 1024);
  const answer = await rawExchange(
    collector,
    "POST /v1/events HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\n" +
      `Content-Length: ${big.length}\r\n\r\n${big}` +
      "GET /v1/stats HTTP/1.1\r\nHost: collector\r\nConnection: close\r\n\r\n",
    5_000,
  );
  assert.deepEqual(statusLines(answer), ["HTTP/1.1 413", "HTTP/1.1 200"]);
});

Deno.test("a body declared over 1 MiB is answered 413 and its connection closed", async () => {
  await using collector = await startTestCollector();
  const answer = await rawExchange(
    collector,
    "POST /v1/events HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\n" +
      `Content-Length: ${64 * 1024 * 1024}\r\n\r\n{"events":[`,
    5_000,
  );
  assert.deepEqual(statusLines(answer), ["HTTP/1.1 413"]);
});

Deno.test("a body trickled slower than 10 seconds in all is answered 408 and dropped", async () => {
  await using collector = await startTestCollector();
  const answer = await rawExchange(
    collector,
    "POST /v1/events HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\n" +
      'Content-Length: 1000\r\n\r\n{"events":[',
    20_000,
  );
  assert.deepEqual(statusLines(answer), ["HTTP/1.1 408"]);
  assert.match(answer, /within 10 seconds/);
  assert.deepEqual(await collector.exported(), []);
});

Deno.test("an event_id reused with other contents is counted as a conflict; the first stays", async () => {
  await using collector = await startTestCollector();
  const [first, second] = envelopes(2);
  assert.deepEqual((await collector.post({ events: [first, second] })).json, {
    accepted: 2,
    duplicates: 0,
    conflicts: 0,
    schemas: [1, 2],
  });
  const forged = { ...first, version: "9.9.9" };
  const within = { ...second, event_id: crypto.randomUUID() };
  const answer = await collector.post({
    events: [first, forged, within, { ...within, platform: "Windows" }],
  });
  assert.deepEqual(answer.json, { accepted: 1, duplicates: 1, conflicts: 2, schemas: [1, 2] });
  const stored = (await collector.exported()).find((line) => line.event_id === first.event_id);
  assert.equal(stored?.version, first.version, "the stored event is kept");
});

Deno.test("an event stamped more than a day ahead of the collector's clock is refused", async () => {
  await using collector = await startTestCollector();
  const soon = envelope("scan.started", { at: new Date(Date.now() + 23 * 3_600_000) });
  assert.equal((await collector.post(soon)).status, 200, "a clock up to a day fast is fine");
  const late = envelope("scan.started", { at: new Date(Date.now() + 25 * 3_600_000) });
  const far = envelope("scan.started", { at: new Date("9999-12-31T23:59:59Z") });
  const answer = await collector.post({ events: [late, far] });
  assert.equal(answer.status, 400);
  assert.deepEqual(
    (answer.json as { details: { index: number; field: string }[] }).details.map((d) =>
      `${d.index}:${d.field}`
    ),
    ["0:timestamp", "1:timestamp"],
  );
  assert.equal((await collector.exported()).length, 1);
});
