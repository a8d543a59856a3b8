/**
 * Schema versions across the wire, on the real collector (workerd + D1) and
 * the compiled client: an old client's schema 1 events against the new
 * collector, and the new client against a collector that accepts schema 1
 * only, then is upgraded. Nothing is lost either way.
 */

import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { startCollector } from "../../collector/local/mod.ts";
import { createClient } from "../../src/mod.ts";
import { appendEvents } from "../../src/spool/mod.ts";
import { makeSandbox, VALID_METADATA } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { startTestCollector } from "../helpers/start_test_collector.ts";
import { schema1Envelopes, withoutReceivedAt } from "./envelopes.ts";

/** Records one of each schema 2 event through the library (no background flush). */
function spoolSchema2(home: string): string[] {
  const client = createClient({
    env: { DOCKER_CONTAINER: "0" },
    homedir: home,
    cwd: home,
    onBanner: () => {},
  });
  const ids = Object.entries(VALID_METADATA).map(([event, metadata]) =>
    // deno-lint-ignore no-explicit-any
    client.track(event as any, metadata as any).envelope!.event_id
  );
  client.close();
  return ids;
}

Deno.test("the collector stores an old client's schema 1 events as schema 1, beside schema 2 events, as they were sent", async () => {
  await using collector = await startTestCollector();
  const posted = schema1Envelopes(10);
  const answer = await collector.post({ events: posted });
  assert.equal(answer.status, 200);
  assert.deepEqual(answer.json, { accepted: 10, duplicates: 0, conflicts: 0, schemas: [1, 2] });

  const box = await makeSandbox();
  const env = { JMO_TELEMETRY_ENDPOINT: collector.eventsUrl };
  try {
    const state = join(box.home, ".jmo-security");
    const noticeId = showNotice(box.home);
    // What an old client left in the spool before the upgrade: schema 1 lines.
    const leftover = schema1Envelopes(5);
    appendEvents(state, leftover.map((e) => JSON.stringify(e)));
    const fresh = spoolSchema2(box.home);
    const flushed = await box.run(["flush"], { env });
    assert.equal(flushed.code, 0, `${flushed.stdout}${flushed.stderr}`);

    const stored = new Map((await collector.exported()).map((l) => [l.event_id, l]));
    for (const sent of [...posted, ...leftover]) {
      assert.deepEqual(withoutReceivedAt(stored.get(sent.event_id)!), sent);
    }
    for (const id of [noticeId, ...fresh]) assert.equal(stored.get(id)?.schema, 2, id);
    const wizard = stored.get(leftover[3].event_id)!;
    assert.deepEqual((wizard.metadata as Record<string, unknown>).duration_seconds, 95);
    assert.equal(stored.size, posted.length + leftover.length + 1 + fresh.length);
  } finally {
    await box.remove();
  }
});

Deno.test("a new client keeps its schema 2 events spooled against a collector that accepts schema 1 only, delivers its schema 1 events, and delivers the rest once the collector accepts schema 2", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "jmo-collector-schemas-" });
  let collector = await startCollector({ dataDir, port: 0, acceptedSchemas: "1" });
  const port = Number(new URL(collector.url).port);
  const box = await makeSandbox();
  const env = { JMO_TELEMETRY_ENDPOINT: collector.eventsUrl };
  const exported = async () => {
    const r = await fetch(`${collector.url}/v1/export`, {
      headers: { Authorization: `Bearer ${collector.adminToken}` },
    });
    return (await r.text()).split("\n").filter((l) => l !== "").map((l) => JSON.parse(l));
  };
  try {
    assert.deepEqual(await (await fetch(collector.eventsUrl)).json(), { schemas: [1] });
    const state = join(box.home, ".jmo-security");
    const noticeId = showNotice(box.home);
    const old = schema1Envelopes(3);
    appendEvents(state, old.map((e) => JSON.stringify(e)));
    const fresh = [noticeId, ...spoolSchema2(box.home)];

    for (const attempt of [1, 2]) {
      const flushed = await box.run(["flush"], { env });
      assert.equal(flushed.code, 3, `attempt ${attempt}: ${flushed.stdout}${flushed.stderr}`);
      assert.match(
        flushed.stdout + flushed.stderr,
        new RegExp(`${fresh.length} events of schema 2 wait in the spool`),
      );
      const status = JSON.parse((await box.run(["status", "--json"], { env })).stdout);
      assert.equal(status.pending.events, fresh.length, `attempt ${attempt}`);
      assert.equal(status.rejected_batches, 0);
      assert.deepEqual(status.collector_schemas, [1]);
      assert.equal(status.dropped.rejected, 0);
      const rejected = join(state, "spool", "rejected");
      assert.equal(existsSync(rejected) ? readdirSync(rejected).length : 0, 0);
      assert.deepEqual(
        (await exported()).map((l) => l.event_id).sort(),
        old.map((e) => e.event_id).sort(),
      );
    }

    await collector.stop();
    collector = await startCollector({ dataDir, port });
    const upgraded = await box.run(["flush"], { env });
    assert.equal(upgraded.code, 0, `${upgraded.stdout}${upgraded.stderr}`);
    const lines = await exported();
    assert.deepEqual(
      lines.map((l) => l.event_id).sort(),
      [...old.map((e) => e.event_id), ...fresh].sort(),
    );
    for (const line of lines) {
      assert.equal(line.schema, fresh.includes(line.event_id as string) ? 2 : 1);
    }
    const status = JSON.parse((await box.run(["status", "--json"], { env })).stdout);
    assert.equal(status.pending.events, 0);
    assert.deepEqual(status.collector_schemas, [1, 2]);
  } finally {
    await collector.stop();
    await box.remove();
    await Deno.remove(dataDir, { recursive: true });
  }
});
