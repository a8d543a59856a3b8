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

Deno.test("resolveSettings ignores a timeout or maximum age that is no positive number, and lists it", () => {
  const s = resolveSettings({
    JMO_TELEMETRY_TIMEOUT_SECONDS: "soon",
    JMO_TELEMETRY_MAX_AGE_DAYS: "-1",
  }, host);
  equal(s.timeoutMs, 2000);
  equal(s.maxAgeMs, 30 * 86_400_000);
  deepEqual(s.problems, [
    {
      variable: "JMO_TELEMETRY_TIMEOUT_SECONDS",
      value: "soon",
      problem: "not a positive number; the default 2 s is used",
    },
    {
      variable: "JMO_TELEMETRY_MAX_AGE_DAYS",
      value: "-1",
      problem: "not a positive number; the default 30 days is used",
    },
  ]);
  equal(resolveSettings({ JMO_TELEMETRY_TIMEOUT_SECONDS: "0" }, host).problems.length, 1);
});

Deno.test("resolveSettings lists no problem for valid, empty or absent values", () => {
  deepEqual(resolveSettings({}, host).problems, []);
  deepEqual(
    resolveSettings({
      JMO_HOME: "/state",
      JMO_TELEMETRY_TIMEOUT_SECONDS: "",
      JMO_TELEMETRY_MAX_AGE_DAYS: "0.5",
      JMO_TELEMETRY_ENDPOINT: "http://127.0.0.1:8787/v1/events",
    }, host).problems,
    [],
  );
  equal(resolveSettings({}, host).deliveryProblem, undefined);
});

Deno.test("resolveSettings ignores a relative JMO_HOME for the default folder, and lists it", () => {
  const s = resolveSettings({ JMO_HOME: "state" }, host);
  equal(s.home, "/home/ada/.jmo-security");
  equal(s.homeFromEnv, false);
  deepEqual(s.problems, [{
    variable: "JMO_HOME",
    value: "state",
    problem: "not an absolute path; the default /home/ada/.jmo-security is used",
  }]);
  equal(resolveSettings({ JMO_HOME: "/state" }, host).homeFromEnv, true);
  equal(resolveSettings({ JMO_HOME: "C:\\jmo" }, { ...host, sep: "\\" }).homeFromEnv, true);
});

Deno.test("resolveSettings keeps an endpoint that is not http(s), lists it, and says why nothing can be sent", () => {
  const s = resolveSettings({ JMO_TELEMETRY_ENDPOINT: "ftp://example.com/v1" }, host);
  deepEqual(s.transport, { kind: "collector", endpoint: "ftp://example.com/v1" });
  deepEqual(s.problems, [{
    variable: "JMO_TELEMETRY_ENDPOINT",
    value: "ftp://example.com/v1",
    problem: "not an http(s) URL; nothing is sent until it is one, or unset",
  }]);
  equal(
    s.deliveryProblem,
    'JMO_TELEMETRY_ENDPOINT is not an http(s) URL ("ftp://example.com/v1"): set it to an http:// or https:// URL, or unset it for the default',
  );
});

Deno.test("resolveSettings checks the GitHub API base instead of the endpoint when the Gist is used", () => {
  const gist = { JMO_TELEMETRY_GIST_ID: "abc", JMO_TELEMETRY_GITHUB_TOKEN: "t" };
  const s = resolveSettings({ ...gist, JMO_TELEMETRY_GITHUB_API: "api.github.com" }, host);
  deepEqual(s.problems.map((p) => p.variable), ["JMO_TELEMETRY_GITHUB_API"]);
  const unused = resolveSettings({ ...gist, JMO_TELEMETRY_ENDPOINT: "nowhere" }, host);
  deepEqual(unused.problems, []);
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
