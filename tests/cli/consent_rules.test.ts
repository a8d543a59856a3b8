import { equal, match } from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { processesWithEnv, waitUntil } from "../helpers/background_processes.ts";
import { makeSandbox, trackArgs } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { ACCEPTED, startTestServer } from "../helpers/test_server.ts";

const OFF_RULES: [string, Record<string, string>, string][] = [
  ["JMO_TELEMETRY_DISABLE", { JMO_TELEMETRY_DISABLE: "1" }, "env:JMO_TELEMETRY_DISABLE"],
  ["JMO_TELEMETRY_DISABLE=yes", { JMO_TELEMETRY_DISABLE: "YES" }, "env:JMO_TELEMETRY_DISABLE"],
  ["DO_NOT_TRACK", { DO_NOT_TRACK: "1" }, "env:DO_NOT_TRACK"],
  ["CI", { CI: "true" }, "ci:CI"],
  ["GITHUB_ACTIONS", { GITHUB_ACTIONS: "true" }, "ci:GITHUB_ACTIONS"],
  ["BUILDKITE", { BUILDKITE: "true" }, "ci:BUILDKITE"],
  ["BUILD_NUMBER=0", { BUILD_NUMBER: "0" }, "ci:BUILD_NUMBER"],
];

for (const [name, env, reason] of OFF_RULES) {
  Deno.test(`disabled by ${name}: track writes nothing, prints nothing and exits 0`, async () => {
    const box = await makeSandbox();
    for (const event of ["scan.started", "scan.completed", "tool.failed"]) {
      const r = await box.run(trackArgs(event), { env });
      equal(r.code, 0);
      equal(r.stdout + r.stderr, "");
    }
    equal(readdirSync(box.home).length, 0, "nothing created in HOME");
    equal(readdirSync(box.cwd).length, 0, "nothing created in the working directory");
    const s = JSON.parse((await box.run(["status", "--json"], { env })).stdout);
    equal(s.enabled, false);
    equal(s.reason, reason);
    equal(existsSync(box.stateDir), false);
    await box.remove();
  });
}

Deno.test("disabled by telemetry.enabled: false in jmo.yml: nothing on disk", async () => {
  const box = await makeSandbox();
  Deno.writeTextFileSync(join(box.cwd, "jmo.yml"), "telemetry:\n  enabled: false\n");
  const r = await box.run(trackArgs("scan.started"));
  equal(r.code, 0);
  equal(r.stdout + r.stderr, "");
  equal(readdirSync(box.home).length, 0);
  const s = JSON.parse((await box.run(["status", "--json"])).stdout);
  equal(s.reason, `config:${join(box.cwd, "jmo.yml")}`);
  await box.remove();
});

Deno.test("CI=false and CI=0 are not CI: telemetry stays on", async () => {
  const box = await makeSandbox();
  for (const value of ["false", "0"]) {
    const s = JSON.parse((await box.run(["status", "--json"], { env: { CI: value } })).stdout);
    equal(s.enabled, true, value);
    equal(s.reason, "default");
  }
  await box.remove();
});

Deno.test("--config and JMO_CONFIG point at another config file", async () => {
  const box = await makeSandbox();
  const other = join(box.home, "elsewhere.yml");
  Deno.writeTextFileSync(other, "telemetry:\n  enabled: false\n");
  equal(
    JSON.parse((await box.run(["status", "--json", "--config", other])).stdout).reason,
    `config:${other}`,
  );
  equal(
    JSON.parse((await box.run(["status", "--json"], { env: { JMO_CONFIG: other } })).stdout).reason,
    `config:${other}`,
  );
  await box.remove();
});

Deno.test("opting out deletes events that were spooled before", async () => {
  const box = await makeSandbox();
  await box.run(trackArgs("tool.failed"));
  equal((await box.run(["show"])).stdout.trim().split("\n").length, 1);
  await box.run(trackArgs("tool.failed"), { env: { DO_NOT_TRACK: "1" } });
  equal(existsSync(join(box.stateDir, "spool")), false);
  await box.run(trackArgs("tool.failed"));
  const disabled = await box.run(["disable"]);
  equal(disabled.code, 0);
  equal(existsSync(join(box.stateDir, "spool")), false);
  await box.remove();
});

Deno.test("a malformed jmo.yml holds no choice for track, which records by default", async () => {
  const box = await makeSandbox();
  Deno.writeTextFileSync(join(box.cwd, "jmo.yml"), "telemetry: [\n  enabled: false\n");
  const r = await box.run(trackArgs("tool.failed"));
  equal(r.code, 0);
  const s = JSON.parse((await box.run(["status", "--json"])).stdout);
  equal(s.reason, "default");
  match(s.config_problem, /line/);
  equal(s.pending.events, 1);
  await box.remove();
});

Deno.test("an opt-out in a jmo.yml broken elsewhere is kept: track records nothing and status says why", async () => {
  const box = await makeSandbox();
  const path = join(box.cwd, "jmo.yml");
  Deno.writeTextFileSync(path, "telemetry:\n  enabled: false\nscan:\n  targets: [unclosed\n");
  const r = await box.run(trackArgs("tool.failed"));
  equal(r.code, 0);
  equal(existsSync(box.stateDir), false);
  const s = JSON.parse((await box.run(["status", "--json"])).stdout);
  equal(s.enabled, false);
  equal(s.reason, `config:${path}`);
  match(s.config_problem, /not valid YAML .*telemetry\.enabled: false is kept/);
  await box.remove();
});

Deno.test("enabled: no and enabled: off opt out, as the host's YAML loader reads them; other values too", async () => {
  const box = await makeSandbox();
  const path = join(box.cwd, "jmo.yml");
  for (const written of ["no", "off", "0", '"false"']) {
    Deno.writeTextFileSync(path, `telemetry:\n  enabled: ${written}\n`);
    equal((await box.run(trackArgs("tool.failed"))).code, 0);
    const s = JSON.parse((await box.run(["status", "--json"])).stdout);
    equal(s.enabled, false, written);
  }
  equal(existsSync(box.stateDir), false);
  const s = JSON.parse((await box.run(["status", "--json"])).stdout);
  match(s.config_problem, /telemetry\.enabled is `"false"`, neither true nor false: read as false/);
  await box.remove();
});

Deno.test("an opted-out track spawns no process and connects nowhere, where an opted-in one starts a flusher", async () => {
  const box = await makeSandbox();
  const collector = await startTestServer(() => "hang");
  showNotice(box.home);
  const endpoint = { JMO_TELEMETRY_ENDPOINT: `${collector.origin}/v1/events` };
  const optOuts = [...OFF_RULES.map(([, env]) => env), { JMO_CONFIG: join(box.cwd, "off.yml") }];
  Deno.writeTextFileSync(join(box.cwd, "off.yml"), "telemetry:\n  enabled: false\n");
  for (const env of optOuts) {
    equal((await box.run(trackArgs("tool.failed"), { env: { ...env, ...endpoint } })).code, 0);
    equal(processesWithEnv("HOME", box.home).length, 0, JSON.stringify(env));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  equal(collector.requests.length, 0, "no opted-out run reached the collector");
  // The control: the same install opted in starts, at the end of a scan, a detached flusher that reaches it.
  equal((await box.run(trackArgs("scan.completed"), { env: endpoint })).code, 0);
  await waitUntil(() => collector.requests.length === 1, "the opted-in run's flusher");
  collector.release(ACCEPTED);
  await box.remove();
  await collector.close();
});
