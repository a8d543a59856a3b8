// The library API of the installed package under Node: track, its refusals
// and status.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createClient, EVENT_NAMES, EventValidationError } from "jmo-telemetry";
import { sandbox } from "./sandbox.mjs";
import { RECORDED_METADATA, VALID_METADATA } from "./event_metadata.mjs";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test("track records each of the six events with its metadata, in envelopes of schema 2 with the client's version and one anonymous id", (t) => {
  const box = sandbox(t);
  const client = createClient(box.clientOptions());
  const envelopes = EVENT_NAMES.map((event) => {
    const result = client.track(event, VALID_METADATA[event]);
    assert.equal(result.recorded, true, event);
    return result.envelope;
  });
  client.close();
  for (const envelope of envelopes) {
    assert.equal(envelope.schema, 2);
    assert.equal(envelope.version, "1.0.1");
    assert.equal(envelope.platform, "Linux");
    assert.match(envelope.event_id, UUID_V4);
    assert.match(envelope.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.deepEqual(envelope.metadata, RECORDED_METADATA[envelope.event], envelope.event);
  }
  assert.deepEqual(envelopes.map((e) => e.event), [...EVENT_NAMES]);
  assert.equal(new Set(envelopes.map((e) => e.event_id)).size, 6);
  assert.equal(new Set(envelopes.map((e) => e.anonymous_id)).size, 1);
  assert.match(envelopes[0].anonymous_id, UUID_V4);
});

test("track takes the host's version, Python version (kept as major.minor) and mode per event", (t) => {
  const box = sandbox(t);
  const client = createClient(box.clientOptions());
  const { envelope } = client.track("scan.started", VALID_METADATA["scan.started"], {
    toolVersion: "2.4.0",
    pythonVersion: "3.12.4",
    mode: "wizard",
  });
  client.close();
  assert.equal(envelope.version, "2.4.0");
  assert.equal(envelope.python_version, "3.12");
  assert.equal(envelope.metadata.mode, "wizard");
});

test("the first scan.started hands the banner to onBanner once, naming how to opt out", (t) => {
  const box = sandbox(t);
  const client = createClient(box.clientOptions());
  const first = client.track("scan.started", VALID_METADATA["scan.started"]);
  client.track("tool.failed", VALID_METADATA["tool.failed"]);
  client.close();
  assert.deepEqual(box.banners, [first.banner]);
  assert.match(first.banner, /JMO_TELEMETRY_DISABLE=1/);
});

for (
  const [behaviour, event, change, field] of [
    ["a path as a tool name", "tool.failed", { tool: "/etc/passwd" }, "metadata.tool"],
    ["an unknown metadata key", "scan.started", { path: "/home/ada" }, "metadata.path"],
    [
      "a value outside its enumeration",
      "report.generated",
      { findings_bucket: "lots" },
      "metadata.findings_bucket",
    ],
    [
      "a string where a number belongs",
      "wizard.completed",
      { duration_seconds: "40" },
      "metadata.duration_seconds",
    ],
    ["an unknown event", "scan.finished", {}, "event"],
  ]
) {
  test(`a strict client's track refuses ${behaviour} with an EventValidationError of event ${event} and field ${field}, and records nothing`, (t) => {
    const box = sandbox(t);
    const client = createClient({ ...box.clientOptions(), strict: true });
    const metadata = { ...VALID_METADATA[event], ...change };
    assert.throws(() => client.track(event, metadata), (error) => {
      assert.ok(error instanceof EventValidationError);
      assert.equal(error.name, "EventValidationError");
      assert.equal(error.event, event);
      assert.equal(error.field, field);
      assert.ok(error.message.startsWith(`${event}: ${field}: `), error.message);
      return true;
    });
    client.close();
    const status = client.status();
    assert.equal(status.pending.events, 0);
    assert.equal(status.anonymous_id, null);
  });
}

test("status reports consent, the install's paths, the pending events, the id, the scan count and the transport", (t) => {
  const box = sandbox(t);
  const client = createClient(box.clientOptions());
  const { envelope } = client.track("scan.started", VALID_METADATA["scan.started"]);
  client.track("tool.failed", VALID_METADATA["tool.failed"]);
  const status = client.status();
  client.close();
  assert.equal(status.enabled, true);
  assert.equal(status.reason, "default");
  assert.equal(status.home, box.stateDir);
  assert.equal(status.config_path, `${box.cwd}/jmo.yml`);
  assert.equal(status.anonymous_id, envelope.anonymous_id);
  assert.equal(status.scan_count, 1);
  assert.equal(status.pending.events, 2);
  assert.ok(status.pending.bytes > 0);
  assert.deepEqual(status.transport, {
    kind: "collector",
    endpoint: "http://127.0.0.1:9/v1/events",
  });
  assert.equal(status.last_flush, null);
  assert.equal(status.debug, false);
});
