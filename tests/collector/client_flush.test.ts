/**
 * End to end: the compiled client records events with `track` in a sandbox
 * home and `flush` delivers them into the local collector (workerd + D1).
 */

import assert from "node:assert/strict";
import { validateEnvelope } from "../../src/events/mod.ts";
import { processesWithEnv, waitUntil } from "../helpers/background_processes.ts";
import { makeSandbox, trackArgs, VALID_METADATA } from "../helpers/run_binary.ts";
import { startTestCollector } from "../helpers/start_test_collector.ts";
import { withoutReceivedAt } from "./envelopes.ts";

Deno.test("events tracked by the binary reach the collector's export once after flush", async () => {
  await using collector = await startTestCollector();
  const box = await makeSandbox();
  const run = crypto.randomUUID();
  const env = { JMO_TELEMETRY_ENDPOINT: collector.eventsUrl, JMO_TEST_RUN: run };
  try {
    const events = Object.keys(VALID_METADATA);
    // The first scan.started shows the notice; the scan.started of the user's next run releases delivery.
    for (const event of [...events, "scan.started"]) {
      const tracked = await box.run(
        trackArgs(event, ["--tool-version", "1.0.1", "--python-version", "3.11.7"]),
        { env },
      );
      assert.equal(tracked.code, 0, tracked.stderr);
      assert.equal(tracked.stdout, "");
    }
    // Any background flush that `track` started finishes first, so the
    // explicit flush below is the one this test observes.
    await waitUntil(() => processesWithEnv("JMO_TEST_RUN", run).length === 0, "background flushes");

    const flushed = await box.run(["flush"], { env });
    assert.equal(flushed.code, 0, `${flushed.stdout}${flushed.stderr}`);
    const status = JSON.parse((await box.run(["status", "--json"], { env })).stdout);
    assert.equal(status.pending.events, 0);

    const anonymousId = (await box.run(["id"], { env })).stdout.trim();
    const lines = (await collector.exported()).filter((l) => l.anonymous_id === anonymousId);
    assert.deepEqual(lines.map((l) => l.event).sort(), [...events, "scan.started"].sort());
    for (const line of lines) {
      assert.ok(validateEnvelope(withoutReceivedAt(line)).ok, JSON.stringify(line));
      assert.equal(line.version, "1.0.1");
      assert.equal(line.python_version, "3.11");
    }
    const completed = lines.find((l) => l.event === "scan.completed")!;
    assert.deepEqual(
      {
        duration: (completed.metadata as Record<string, unknown>).duration_bucket,
        findings: (completed.metadata as Record<string, unknown>).total_findings_bucket,
      },
      { duration: "5-15min", findings: "10-100" },
    );
    assert.ok(!JSON.stringify(completed).includes("duration_seconds"), "raw numbers never sent");

    const again = await box.run(["flush"], { env });
    assert.equal(again.code, 0);
    assert.equal((await collector.exported()).length, events.length + 1, "each event stored once");
  } finally {
    await waitUntil(() => processesWithEnv("JMO_TEST_RUN", run).length === 0, "background flushes");
    await box.remove();
  }
});
