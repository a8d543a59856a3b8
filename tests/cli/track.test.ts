import { deepEqual, equal, match } from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { makeSandbox, trackArgs, VALID_METADATA } from "../helpers/run_binary.ts";

function pendingLines(stdout: string): Record<string, unknown>[] {
  return stdout.trim() === "" ? [] : stdout.trim().split("\n").map((l) => JSON.parse(l));
}

Deno.test("track records each of the six events and show prints them as they would be sent", async () => {
  const box = await makeSandbox();
  for (const event of Object.keys(VALID_METADATA)) {
    const r = await box.run(
      trackArgs(event, ["--tool-version", "1.0.1", "--python-version", "3.11.7"]),
    );
    equal(r.code, 0, r.stderr);
    equal(r.stdout, "");
  }
  const shown = pendingLines((await box.run(["show"])).stdout);
  deepEqual(shown.map((e) => e.event).sort(), Object.keys(VALID_METADATA).sort());
  const id = Deno.readTextFileSync(join(box.stateDir, "telemetry-id")).trim();
  for (const e of shown) {
    equal(e.anonymous_id, id);
    equal(e.version, "1.0.1");
    equal(e.python_version, "3.11");
    equal(e.platform, "Linux");
  }
  await box.remove();
});

Deno.test("track --strict and JMO_TELEMETRY_STRICT=1 refuse an event outside the schema with exit 2, name the field, and record nothing", async () => {
  const box = await makeSandbox();
  const r = await box.run([
    "track",
    "tool.failed",
    "--strict",
    "--meta",
    JSON.stringify({ ...VALID_METADATA["tool.failed"], tool: "/home/ada/bin/trivy" }),
  ]);
  equal(r.code, 2);
  match(r.stderr, /tool\.failed: metadata\.tool/);
  equal(r.stdout, "");
  equal(existsSync(box.stateDir), false);
  const unknown = await box.run([
    "track",
    "scan.started",
    "--meta",
    JSON.stringify({ ...VALID_METADATA["scan.started"], repo: "x" }),
  ], { env: { JMO_TELEMETRY_STRICT: "1" } });
  equal(unknown.code, 2);
  match(unknown.stderr, /scan\.started: metadata\.repo: unknown key/);
  await box.remove();
});

Deno.test("track reads metadata from a file or stdin, and refuses JSON that does not parse", async () => {
  const box = await makeSandbox();
  const file = join(box.cwd, "meta.json");
  Deno.writeTextFileSync(file, JSON.stringify(VALID_METADATA["report.generated"]));
  equal((await box.run(["track", "report.generated", "--meta-file", file])).code, 0);
  equal(
    (await box.run(["track", "tool.failed", "--meta-file", "-"], {
      stdin: JSON.stringify(VALID_METADATA["tool.failed"]),
    })).code,
    0,
  );
  const bad = await box.run(["track", "tool.failed", "--meta", "{not json"]);
  equal(bad.code, 2);
  match(bad.stderr, /tool\.failed: metadata: is not valid JSON/);
  equal(pendingLines((await box.run(["show"])).stdout).length, 2);
  await box.remove();
});

Deno.test("the raw duration and finding count of scan.completed never reach the disk", async () => {
  const box = await makeSandbox();
  const meta = {
    ...VALID_METADATA["scan.completed"],
    duration_seconds: 1234,
    total_findings: 98765,
  };
  equal((await box.run(["track", "scan.completed", "--meta", JSON.stringify(meta)])).code, 0);
  for (const path of walk(box.stateDir)) {
    const text = Deno.readTextFileSync(path);
    equal(text.includes("1234"), false, path);
    equal(text.includes("98765"), false, path);
  }
  await box.remove();
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]
  );
}

Deno.test("the banner shows on stderr for the first three scan.started, never on stdout", async () => {
  const box = await makeSandbox();
  const banners: boolean[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await box.run(trackArgs("scan.started"));
    equal(r.stdout, "");
    banners.push(r.stderr.includes("https://jmotools.com/privacy"));
  }
  deepEqual(banners, [true, true, true, false, false]);
  equal(Deno.readTextFileSync(join(box.stateDir, "scan-count")).trim(), "5");
  const other = await box.run(trackArgs("tool.failed"));
  equal(other.stderr, "");
  await box.remove();
});

Deno.test("in docker mode the banner shows on every run", async () => {
  const box = await makeSandbox();
  for (let i = 0; i < 4; i++) {
    const r = await box.run(trackArgs("scan.started"), { env: { DOCKER_CONTAINER: "1" } });
    match(r.stderr, /Privacy policy/);
  }
  const shown = (await box.run(["show"])).stdout.trim().split("\n").map((l) => JSON.parse(l));
  equal(shown.every((e) => e.metadata.mode === "docker"), true);
  await box.remove();
});

Deno.test("JMO_TELEMETRY_DEBUG=1 prints each recorded event on stderr", async () => {
  const box = await makeSandbox();
  const r = await box.run(trackArgs("tool.failed"), { env: { JMO_TELEMETRY_DEBUG: "1" } });
  equal(r.code, 0);
  match(r.stderr, /debug: recorded \{"schema":2,.*"event":"tool\.failed"/);
  equal(r.stdout, "");
  await box.remove();
});

Deno.test("the anonymous id is made on the first recorded event; id prints, rotates and deletes it", async () => {
  const box = await makeSandbox();
  const none = await box.run(["id"]);
  equal(none.stdout, "");
  match(none.stderr, /no anonymous id yet/);
  equal(existsSync(box.stateDir), false);
  await box.run(trackArgs("tool.failed"));
  const id = (await box.run(["id"])).stdout.trim();
  match(id, /^[0-9a-f-]{36}$/);
  const rotated = (await box.run(["id", "--rotate"])).stdout.trim();
  equal(rotated === id, false);
  equal((await box.run(["id"])).stdout.trim(), rotated);
  equal((await box.run(["id", "--delete"])).code, 0);
  equal(existsSync(join(box.stateDir, "telemetry-id")), false);
  await box.remove();
});

Deno.test("purge deletes every pending event unsent", async () => {
  const box = await makeSandbox();
  await box.run(trackArgs("tool.failed"));
  await box.run(trackArgs("tool.failed"));
  const r = await box.run(["purge"]);
  equal(r.stdout, "Deleted 2 pending events.\n");
  equal((await box.run(["show"])).stdout, "");
  await box.remove();
});

Deno.test("status reports the deciding rule, id, scan count and pending events, also as JSON", async () => {
  const box = await makeSandbox();
  await box.run(trackArgs("scan.started"));
  await box.run(trackArgs("scan.completed"));
  const s = JSON.parse((await box.run(["status", "--json"])).stdout);
  equal(s.enabled, true);
  equal(s.reason, "default");
  equal(s.scan_count, 1);
  equal(s.pending.events, 2);
  equal(s.anonymous_id, Deno.readTextFileSync(join(box.stateDir, "telemetry-id")).trim());
  equal(s.transport.kind, "collector");
  const human = (await box.run(["status"])).stdout;
  match(human, /Telemetry: +on/);
  match(human, /Pending: +2 events/);
  await box.remove();
});

Deno.test("track keeps a release-candidate Python version such as 3.12.0rc1 as major.minor", async () => {
  const box = await makeSandbox();
  const r = await box.run(trackArgs("tool.failed", ["--python-version", "3.12.0rc1"]));
  equal(r.code, 0, r.stderr);
  equal(pendingLines((await box.run(["show"])).stdout)[0].python_version, "3.12");
  const refused = await box.run(trackArgs("tool.failed", ["--python-version", "three"]));
  equal(refused.code, 2);
  match(refused.stderr, /tool\.failed: python_version: must be major\.minor/);
  await box.remove();
});

Deno.test("track with an empty event name says the name is empty and exits 2", async () => {
  const box = await makeSandbox();
  const r = await box.run(["track", ""]);
  equal(r.code, 2);
  match(r.stderr, /^jmo-telemetry track: event name is empty: give one of scan\.started, /);
  equal(existsSync(box.stateDir), false);
  await box.remove();
});

Deno.test("status says no attempt is next when nothing is pending", async () => {
  const box = await makeSandbox();
  match((await box.run(["status"])).stdout, /\nNext attempt: +none pending\n/);
  await box.run(trackArgs("tool.failed"));
  match((await box.run(["status"])).stdout, /\nNext attempt: +when due \(now\)\n/);
  await box.run(["purge"]);
  match((await box.run(["status"])).stdout, /\nNext attempt: +none pending\n/);
  await box.remove();
});
