import { deepEqual, equal, match } from "node:assert/strict";
import { createClient } from "../../src/mod.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { ACCEPTED, deliveredIds, startTestServer } from "../helpers/test_server.ts";

function client(
  home: string,
  endpoint: string,
  extra: Record<string, string> = {},
  onBanner?: (text: string) => void,
) {
  return createClient({
    env: { DOCKER_CONTAINER: "0", JMO_TELEMETRY_ENDPOINT: endpoint, ...extra },
    homedir: home,
    cwd: home,
    onBanner,
  });
}

const FAILED = {
  tool: "trivy",
  failure_type: "timeout",
  exit_code: null,
  profile: "fast",
} as const;

Deno.test("client.flush() delivers what this process recorded, once an earlier run showed the notice, and reports it", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-flush-" });
  const server = await startTestServer(() => ACCEPTED);
  const noticeId = showNotice(home);
  const telemetry = client(home, `${server.origin}/v1/events`);
  const ids = [1, 2, 3].map(() => telemetry.track("tool.failed", FAILED).envelope!.event_id);
  const report = await telemetry.flush();
  equal(report.outcome, "delivered");
  equal(report.sent, 4);
  deepEqual(deliveredIds(server).sort(), [noticeId, ...ids].sort());
  equal(telemetry.status().pending.events, 0);
  await server.close();
  await Deno.remove(home, { recursive: true });
});

Deno.test("client.flush() keeps events when the collector fails, and sends nothing when telemetry is off", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-flush-" });
  const server = await startTestServer(() => ({ status: 502 }));
  showNotice(home);
  const telemetry = client(home, `${server.origin}/v1/events`);
  telemetry.track("tool.failed", FAILED);
  const failed = await telemetry.flush({ timeoutMs: 1_000 });
  equal(failed.outcome, "failed");
  equal(failed.kept, 2);
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

Deno.test("client.flush() sends nothing while the notice was never shown on the install, and keeps every event", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-flush-" });
  const server = await startTestServer(() => ACCEPTED);
  const telemetry = client(home, `${server.origin}/v1/events`);
  telemetry.track("tool.failed", FAILED);
  telemetry.track("tool.failed", FAILED);
  const report = await telemetry.flush();
  equal(report.outcome, "notice");
  equal(report.sent, 0);
  equal(report.kept, 2);
  match(report.detail ?? "", /^waiting for the first-run notice/);
  equal(server.requests.length, 0);
  equal(telemetry.status().pending.events, 2);
  await server.close();
  await Deno.remove(home, { recursive: true });
});

Deno.test("client.flush() in the process that first showed the notice sends nothing; a later process's flush sends it all", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-flush-" });
  const server = await startTestServer(() => ACCEPTED);
  const banners: string[] = [];
  const first = client(home, `${server.origin}/v1/events`, {}, (text) => banners.push(text));
  first.track("scan.started", {
    profile: "fast",
    tools: ["trivy"],
    target_types: { repos: 1, images: 0, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
  });
  equal(banners.length, 1);
  const held = await first.flush();
  equal(held.outcome, "notice");
  equal(held.kept, 1);
  equal(server.requests.length, 0);
  first.close();
  const later = client(home, `${server.origin}/v1/events`);
  const report = await later.flush();
  equal(report.outcome, "delivered");
  equal(report.sent, 1);
  await server.close();
  await Deno.remove(home, { recursive: true });
});

Deno.test("client.flush() to an endpoint that is not http(s) sends nothing, keeps every event and names the setting", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-flush-" });
  showNotice(home);
  const telemetry = client(home, "ftp://example.com/v1/events");
  telemetry.track("tool.failed", FAILED);
  let requests = 0;
  const report = await telemetry.flush({
    fetch: () => {
      requests++;
      return Promise.resolve(new Response("{}"));
    },
  });
  equal(requests, 0);
  equal(report.outcome, "failed");
  equal(report.kept, 2);
  match(report.detail ?? "", /^JMO_TELEMETRY_ENDPOINT is not an http\(s\) URL \("ftp:/);
  equal(telemetry.status().pending.events, 2);
  await Deno.remove(home, { recursive: true });
});
