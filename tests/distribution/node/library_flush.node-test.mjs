// Delivery from the library API of the installed package under Node:
// client.flush() against a collector on 127.0.0.1 that the test starts.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient, EVENT_NAMES } from "jmo-telemetry";
import { startLocalCollector } from "./local_collector.mjs";
import { sandbox } from "./sandbox.mjs";
import { VALID_METADATA } from "./event_metadata.mjs";

/**
 * A client of a fresh sandbox sending to `collector`, and the ids of the six
 * events pending there: a scan.started from an earlier run, which showed the
 * first-run notice (nothing is sent in the run that first shows it), and one
 * of each other event from this client.
 */
function clientAfterTheNotice(t, collector) {
  const box = sandbox(t);
  const options = box.clientOptions({ JMO_TELEMETRY_ENDPOINT: collector.endpoint });
  const earlier = createClient(options);
  const notice = earlier.track("scan.started", VALID_METADATA["scan.started"]);
  earlier.close();
  assert.equal(box.banners.length, 1);
  const client = createClient(options);
  const ids = EVENT_NAMES.slice(1).map((event) =>
    client.track(event, VALID_METADATA[event]).envelope.event_id
  );
  return { client, ids: [notice.envelope.event_id, ...ids] };
}

test("flush delivers every pending event in one POST to JMO_TELEMETRY_ENDPOINT and empties the spool", async (t) => {
  const collector = await startLocalCollector(t);
  const { client, ids } = clientAfterTheNotice(t, collector);
  const report = await client.flush({ timeoutMs: 5_000 });
  const status = client.status();
  client.close();
  assert.equal(report.outcome, "delivered", JSON.stringify(report));
  assert.deepEqual([report.sent, report.batches, report.kept], [6, 1, 0]);
  assert.equal(report.host, new URL(collector.endpoint).host);
  assert.equal(collector.requests.length, 1);
  const [request] = collector.requests;
  assert.equal(request.method, "POST");
  assert.equal(request.path, "/v1/events");
  assert.equal(request.headers["content-type"], "application/json");
  assert.match(request.headers["user-agent"], /^jmo-telemetry\/\d+\.\d+\.\d+/);
  assert.deepEqual(request.body.events.map((e) => e.event_id).sort(), [...ids].sort());
  assert.equal(status.pending.events, 0);
  assert.deepEqual([status.last_flush.outcome, status.last_flush.sent], ["delivered", 6]);
});

test("a flush answered with 503 keeps every event pending, reports failed with the status, and backs off", async (t) => {
  const collector = await startLocalCollector(t, 503);
  const { client } = clientAfterTheNotice(t, collector);
  const report = await client.flush({ timeoutMs: 5_000 });
  const status = client.status();
  client.close();
  assert.equal(report.outcome, "failed", JSON.stringify(report));
  assert.deepEqual([report.sent, report.kept], [0, 6]);
  assert.match(report.detail, /503/);
  assert.equal(collector.requests.length, 1);
  assert.equal(status.pending.events, 6);
  assert.equal(status.consecutive_failures, 1);
  assert.ok(Date.parse(status.next_attempt_at) > Date.now(), status.next_attempt_at);
});

test("with telemetry off, flush sends nothing and reports off with the deciding rule", async (t) => {
  const collector = await startLocalCollector(t);
  const box = sandbox(t);
  const client = createClient(
    box.clientOptions({ JMO_TELEMETRY_ENDPOINT: collector.endpoint, DO_NOT_TRACK: "1" }),
  );
  assert.equal(client.track("tool.failed", VALID_METADATA["tool.failed"]).recorded, false);
  const report = await client.flush({ timeoutMs: 5_000 });
  client.close();
  assert.equal(report.outcome, "off");
  assert.equal(report.detail, "env:DO_NOT_TRACK");
  assert.equal(collector.requests.length, 0);
});
