import { deepEqual, equal } from "node:assert/strict";
import { DEFAULT_ENDPOINT, resolveSettings } from "../../src/settings/mod.ts";

const host = { homedir: "/home/ada", cwd: "/work", dockerenv: false };

Deno.test("resolveSettings defaults to ~/.jmo-security, ./jmo.yml, the public collector, 2 s and 30 days", () => {
  const s = resolveSettings({}, host);
  equal(s.home, "/home/ada/.jmo-security");
  equal(s.configPath, "/work/jmo.yml");
  deepEqual(s.transport, { kind: "collector", endpoint: DEFAULT_ENDPOINT });
  equal(s.timeoutMs, 2000);
  equal(s.maxAgeMs, 30 * 86_400_000);
  equal(s.debug, false);
  equal(s.docker, false);
});

Deno.test("resolveSettings honours JMO_HOME, JMO_CONFIG, the endpoint, timeout and max age", () => {
  const s = resolveSettings({
    JMO_HOME: "/state",
    JMO_CONFIG: "conf/jmo.yml",
    JMO_TELEMETRY_ENDPOINT: "http://127.0.0.1:8787/v1/events",
    JMO_TELEMETRY_TIMEOUT_SECONDS: "0.5",
    JMO_TELEMETRY_MAX_AGE_DAYS: "7",
    JMO_TELEMETRY_DEBUG: "1",
  }, host);
  equal(s.home, "/state");
  equal(s.configPath, "/work/conf/jmo.yml");
  deepEqual(s.transport, { kind: "collector", endpoint: "http://127.0.0.1:8787/v1/events" });
  equal(s.timeoutMs, 500);
  equal(s.maxAgeMs, 7 * 86_400_000);
  equal(s.debug, true);
});

Deno.test("resolveSettings lets --config win over JMO_CONFIG", () => {
  equal(resolveSettings({ JMO_CONFIG: "/a.yml" }, host, "/b.yml").configPath, "/b.yml");
});

Deno.test("resolveSettings ignores a garbage timeout instead of failing", () => {
  equal(resolveSettings({ JMO_TELEMETRY_TIMEOUT_SECONDS: "soon" }, host).timeoutMs, 2000);
  equal(resolveSettings({ JMO_TELEMETRY_TIMEOUT_SECONDS: "-1" }, host).timeoutMs, 2000);
});

Deno.test("resolveSettings picks the Gist only when both its id and token are set", () => {
  deepEqual(resolveSettings({ JMO_TELEMETRY_GIST_ID: "abc" }, host).transport.kind, "collector");
  deepEqual(
    resolveSettings({ JMO_TELEMETRY_GIST_ID: "abc", JMO_TELEMETRY_GITHUB_TOKEN: "t" }, host)
      .transport,
    {
      kind: "gist",
      gistId: "abc",
      token: "t",
      apiBase: "https://api.github.com",
    },
  );
});

Deno.test("resolveSettings sees Docker from DOCKER_CONTAINER or /.dockerenv, and DOCKER_CONTAINER=0 overrides the file", () => {
  equal(resolveSettings({ DOCKER_CONTAINER: "1" }, host).docker, true);
  equal(resolveSettings({}, { ...host, dockerenv: true }).docker, true);
  equal(resolveSettings({ DOCKER_CONTAINER: "0" }, { ...host, dockerenv: true }).docker, false);
});
