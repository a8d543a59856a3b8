import { deepEqual, equal } from "node:assert/strict";
import { createClient } from "../../src/mod.ts";
import { ACCEPTED, deliveredIds, startTestServer } from "../helpers/test_server.ts";

function client(home: string, endpoint: string, extra: Record<string, string> = {}) {
  return createClient({
    env: { DOCKER_CONTAINER: "0", JMO_TELEMETRY_ENDPOINT: endpoint, ...extra },
    homedir: home,
    cwd: home,
  });
}

const FAILED = {
  tool: "trivy",
  failure_type: "timeout",
  exit_code: null,
  profile: "fast",
} as const;

Deno.test("client.flush() delivers what this process recorded and reports it", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-flush-" });
  const server = await startTestServer(() => ACCEPTED);
  const telemetry = client(home, `${server.origin}/v1/events`);
  const ids = [1, 2, 3].map(() => telemetry.track("tool.failed", FAILED).envelope!.event_id);
  const report = await telemetry.flush();
  equal(report.outcome, "delivered");
  equal(report.sent, 3);
  deepEqual(deliveredIds(server).sort(), ids.sort());
  equal(telemetry.status().pending.events, 0);
  await server.close();
  await Deno.remove(home, { recursive: true });
});

Deno.test("client.flush() keeps events when the collector fails, and sends nothing when telemetry is off", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-flush-" });
  const server = await startTestServer(() => ({ status: 502 }));
  const telemetry = client(home, `${server.origin}/v1/events`);
  telemetry.track("tool.failed", FAILED);
  const failed = await telemetry.flush({ timeoutMs: 1_000 });
  equal(failed.outcome, "failed");
  equal(failed.kept, 1);
  equal(failed.detail, "HTTP 502");
  const off = client(home, `${server.origin}/v1/events`, { DO_NOT_TRACK: "1" });
  const report = await off.flush();
  equal(report.outcome, "off");
  equal(report.detail, "env:DO_NOT_TRACK");
  equal(server.requests.length, 1);
  equal(telemetry.status().pending.events, 0);
  await server.close();
  await Deno.remove(home, { recursive: true });
});
