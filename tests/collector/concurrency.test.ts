/**
 * Concurrent, overlapping deliveries: the collector stores each `event_id` once.
 */

import assert from "node:assert/strict";
import { startTestCollector } from "../helpers/start_test_collector.ts";
import { envelopes } from "./envelopes.ts";

const POSTS = 20;
const BATCH = 200;
const STRIDE = 40;

Deno.test("20 concurrent posts of overlapping batches store each event_id once", async () => {
  await using collector = await startTestCollector();
  const pool = envelopes(STRIDE * (POSTS - 1) + BATCH);
  const answers = await Promise.all(
    Array.from(
      { length: POSTS },
      (_, i) => collector.post({ events: pool.slice(i * STRIDE, i * STRIDE + BATCH) }),
    ),
  );
  for (const answer of answers) assert.equal(answer.status, 200, answer.text);
  const counts = answers.map((a) => a.json as { accepted: number; duplicates: number });
  assert.equal(counts.reduce((sum, c) => sum + c.accepted, 0), pool.length);
  assert.equal(counts.reduce((sum, c) => sum + c.duplicates, 0), POSTS * BATCH - pool.length);

  const exported = await collector.exported();
  assert.equal(exported.length, pool.length);
  assert.deepEqual(
    new Set(exported.map((line) => line.event_id)),
    new Set(pool.map((e) => e.event_id)),
  );
});
