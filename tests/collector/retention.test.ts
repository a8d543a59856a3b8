/**
 * The Worker's scheduled handler (its cron trigger) deletes events past retention.
 */

import assert from "node:assert/strict";
import { startTestCollector } from "../helpers/start_test_collector.ts";
import { envelope, envelopes } from "./envelopes.ts";

const DAY_MS = 86_400_000;

Deno.test("the scheduled job deletes events received more than 400 days before it runs", async () => {
  await using collector = await startTestCollector();
  const batch = [...envelopes(4), envelope("scan.started", { at: new Date("2020-01-01") })];
  await collector.post({ events: batch });
  const receivedAt = Date.parse(String((await collector.exported())[0].received_at));

  await collector.runScheduled(new Date(receivedAt + 399 * DAY_MS));
  await collector.runScheduled(new Date(receivedAt + 400 * DAY_MS));
  assert.equal((await collector.exported()).length, batch.length, "kept up to 400 days");

  await collector.runScheduled(new Date(receivedAt + 400 * DAY_MS + 1000));
  assert.deepEqual(await collector.exported(), [], "deleted past 400 days");
});
