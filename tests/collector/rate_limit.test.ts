/**
 * The optional Workers Rate Limiting binding: posts past the limit get 429.
 */

import assert from "node:assert/strict";
import { startTestCollector } from "../helpers/start_test_collector.ts";
import { envelope } from "./envelopes.ts";

Deno.test("posts past one client address's rate limit get 429 with Retry-After and are not stored", async () => {
  await using collector = await startTestCollector({ rateLimit: { limit: 3, period: 60 } });
  const allowed = [envelope("scan.started"), envelope("tool.failed"), envelope("scan.completed")];
  for (const event of allowed) assert.equal((await collector.post(event)).status, 200);
  const refused = envelope("report.generated");
  const answer = await collector.post(refused);
  assert.equal(answer.status, 429);
  assert.match(answer.headers.get("retry-after") ?? "", /^\d+$/);
  const ids = (await collector.exported()).map((line) => line.event_id);
  assert.deepEqual(ids, allowed.map((e) => e.event_id));
  assert.equal((await collector.request("/v1/stats")).status, 200, "stats have their own budget");

  const other = await collector.request("/v1/events", {
    method: "POST",
    headers: { "CF-Connecting-IP": "203.0.113.5", "Content-Type": "application/json" },
    body: JSON.stringify(refused),
  });
  assert.equal(other.status, 200, "another client address has its own budget");
});

Deno.test("without a rate limit binding many posts in a row are all accepted", async () => {
  await using collector = await startTestCollector();
  for (let i = 0; i < 30; i++) {
    assert.equal((await collector.post(envelope("tool.failed"))).status, 200);
  }
});

Deno.test("reads of /v1/stats past one client address's limit get 429 too", async () => {
  await using collector = await startTestCollector({ rateLimit: { limit: 3, period: 60 } });
  for (let i = 0; i < 3; i++) {
    assert.equal((await collector.request("/v1/stats")).status, 200);
  }
  const answer = await collector.request("/v1/stats");
  assert.equal(answer.status, 429);
  assert.match(answer.headers.get("retry-after") ?? "", /^\d+$/);
  assert.equal((await collector.post(envelope("scan.started"))).status, 200, "posts have theirs");
});
