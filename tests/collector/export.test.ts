/**
 * `GET /v1/export`: only the bearer of `ADMIN_TOKEN` gets anything, as NDJSON.
 */

import assert from "node:assert/strict";
import { startTestCollector } from "../helpers/start_test_collector.ts";
import { envelopes, withoutReceivedAt } from "./envelopes.ts";

Deno.test("GET /v1/export on the local collector", async (t) => {
  await using collector = await startTestCollector();
  const first = envelopes(3);
  await collector.post({ events: first });

  await t.step("without a token the answer is a bare 401", async () => {
    const answer = await collector.request("/v1/export");
    assert.equal(answer.status, 401);
    assert.equal(answer.text, "");
    assert.equal(answer.headers.get("access-control-allow-origin"), null);
  });

  await t.step("a wrong token is answered 401, whatever its form", async () => {
    const token = collector.adminToken;
    const wrong = [
      `Bearer ${token.slice(0, -1)}${token.endsWith("a") ? "b" : "a"}`,
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, 8)}`,
      "Bearer ",
      `Basic ${token}`,
      token,
      `Bearer ${token} ${token}`,
    ];
    for (const authorization of wrong) {
      const answer = await collector.request("/v1/export", {
        headers: { Authorization: authorization },
      });
      assert.equal(answer.status, 401, authorization);
      assert.equal(answer.text, "");
    }
  });

  await t.step("any other method without the token is answered 401 too", async () => {
    for (const method of ["POST", "DELETE", "OPTIONS"]) {
      assert.equal((await collector.request("/v1/export", { method })).status, 401, method);
    }
    const withToken = await collector.request("/v1/export", {
      method: "DELETE",
      headers: { Authorization: `Bearer ${collector.adminToken}` },
    });
    assert.equal(withToken.status, 405);
  });

  await t.step("the right token gets every stored event as NDJSON", async () => {
    const answer = await collector.request("/v1/export", {
      headers: { Authorization: `Bearer ${collector.adminToken}` },
    });
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get("content-type") ?? "", /^application\/x-ndjson/);
    assert.ok(answer.text.endsWith("\n"));
    const lines = answer.text.trimEnd().split("\n").map((line) => JSON.parse(line));
    assert.deepEqual(lines.map(withoutReceivedAt), first);
  });

  await t.step("since keeps the events received at or after it", async () => {
    const [firstLine] = await collector.exported();
    const firstReceived = String(firstLine.received_at);
    let later = envelopes(2);
    let laterLines: Record<string, unknown>[] = [];
    // received_at has millisecond precision: post until the new batch lands in a later millisecond.
    do {
      later = envelopes(2);
      await collector.post({ events: later });
      laterLines = (await collector.exported()).filter((l) =>
        later.some((e) => e.event_id === l.event_id)
      );
    } while (String(laterLines[0].received_at) === firstReceived);
    const since = String(laterLines[0].received_at);
    const sinceLines = await collector.exported(since);
    assert.ok(sinceLines.every((l) => String(l.received_at) >= since));
    assert.ok(later.every((e) => sinceLines.some((l) => l.event_id === e.event_id)));
    assert.ok(first.every((e) => !sinceLines.some((l) => l.event_id === e.event_id)));
    assert.equal(
      (await collector.exported("2000-01-01")).length,
      (await collector.exported()).length,
    );
    assert.equal((await collector.exported("2999-01-01T00:00:00+02:00")).length, 0);
  });

  await t.step("a malformed since is answered 400", async () => {
    for (const since of ["yesterday", "2025-13-01", "2025-10-01T00:00:00", ""]) {
      const answer = await collector.request(`/v1/export?since=${encodeURIComponent(since)}`, {
        headers: { Authorization: `Bearer ${collector.adminToken}` },
      });
      assert.equal(answer.status, 400, since);
    }
  });

  await t.step("an export of many pages streams every event exactly once", async () => {
    for (let i = 0; i < 3; i++) await collector.post({ events: envelopes(500) });
    const response = await fetch(`${collector.url}/v1/export`, {
      headers: { Authorization: `Bearer ${collector.adminToken}` },
    });
    assert.equal(response.headers.get("content-length"), null, "streamed, not buffered");
    let chunks = 0;
    let text = "";
    const decoder = new TextDecoder();
    for await (const chunk of response.body!) {
      chunks++;
      text += decoder.decode(chunk, { stream: true });
    }
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line));
    assert.ok(chunks > 1, "several chunks");
    assert.equal(new Set(lines.map((l) => l.event_id)).size, lines.length);
    assert.ok(lines.length >= 1500);
  });
});
