import { deepEqual, equal, match } from "node:assert/strict";
import { existsSync } from "node:fs";
import { makeSandbox, VALID_METADATA } from "../helpers/run_binary.ts";

const OFF = { JMO_TELEMETRY_DISABLE: "1" };

Deno.test("check prints the envelope track would store, with telemetry off too, and writes nothing", async () => {
  const box = await makeSandbox();
  for (const env of [{}, OFF, { CI: "true" }] as Record<string, string>[]) {
    const r = await box.run([
      "check",
      "scan.completed",
      "--tool-version",
      "1.0.1",
      "--meta",
      JSON.stringify({ ...VALID_METADATA["scan.completed"], profile: "nightly", note: "x" }),
    ], { env });
    equal(r.code, 0, r.stderr);
    const envelope = JSON.parse(r.stdout);
    equal(envelope.schema, 2);
    equal(envelope.version, "1.0.1");
    deepEqual(envelope.metadata, {
      profile: "custom",
      tools_succeeded: 2,
      tools_failed: 0,
      duration_bucket: "5-15min",
      total_findings_bucket: "10-100",
      mode: "cli",
    });
    match(r.stderr, /scan\.completed: metadata\.profile is outside the schema, recorded as custom/);
    match(r.stderr, /scan\.completed: metadata\.note is an unknown key, dropped/);
    equal(r.stderr.includes("nightly"), false);
  }
  equal(existsSync(box.stateDir), false);
  await box.remove();
});

Deno.test("check --strict and JMO_TELEMETRY_STRICT=1 refuse what track would normalise, with exit 2 and the field named, telemetry on or off", async () => {
  const box = await makeSandbox();
  const cases: [string, Record<string, unknown>, string][] = [
    ["scan.started", { ...VALID_METADATA["scan.started"], profile: "nightly" }, "metadata.profile"],
    ["scan.started", { ...VALID_METADATA["scan.started"], repo: "x" }, "metadata.repo"],
    ["tool.failed", { ...VALID_METADATA["tool.failed"], tool: "/bin/zap" }, "metadata.tool"],
    [
      "policy.evaluated",
      { ...VALID_METADATA["policy.evaluated"], policies: ["acme"] },
      "metadata.policies.0",
    ],
    [
      "report.generated",
      { ...VALID_METADATA["report.generated"], output_formats: ["csv"] },
      "metadata.output_formats.0",
    ],
  ];
  for (const [event, metadata, field] of cases) {
    for (
      const [args, env] of [
        [["--strict"], OFF],
        [[], { ...OFF, JMO_TELEMETRY_STRICT: "1" }],
        [["--strict"], {}],
      ] as const
    ) {
      const r = await box.run(["check", event, ...args, "--meta", JSON.stringify(metadata)], {
        env,
      });
      equal(r.code, 2, `${event} ${field} ${args} ${JSON.stringify(env)}`);
      equal(r.stdout, "");
      match(r.stderr, new RegExp(`${event.replace(".", "\\.")}: ${field.replaceAll(".", "\\.")}`));
    }
  }
  equal(existsSync(box.stateDir), false);
  await box.remove();
});

Deno.test("check and track refuse values of the wrong kind in every mode", async () => {
  const box = await makeSandbox();
  const cases: [string, unknown, string][] = [
    ["scan.completed", { ...VALID_METADATA["scan.completed"], tools_failed: "2" }, "tools_failed"],
    ["scan.completed", { ...VALID_METADATA["scan.completed"], tools_failed: -1 }, "tools_failed"],
    [
      "report.generated",
      { ...VALID_METADATA["report.generated"], suppressions_used: [true] },
      "suppressions_used",
    ],
    ["tool.failed", ["trivy"], "metadata"],
  ];
  for (const [event, metadata, field] of cases) {
    for (const command of ["check", "track"]) {
      const r = await box.run([command, event, "--meta", JSON.stringify(metadata)]);
      equal(r.code, 2, `${command} ${event} ${field}`);
      match(r.stderr, new RegExp(`: (metadata\\.)?${field}: `));
    }
  }
  equal((await box.run(["show"])).stdout, "");
  await box.remove();
});

Deno.test("a first scan.started refused in strict mode still shows the banner, and is neither recorded nor counted", async () => {
  const box = await makeSandbox();
  const r = await box.run([
    "track",
    "scan.started",
    "--meta",
    JSON.stringify({ ...VALID_METADATA["scan.started"], profile: "nightly" }),
  ], { env: { JMO_TELEMETRY_STRICT: "1" } });
  equal(r.code, 2);
  match(r.stderr, /collects anonymous usage telemetry/);
  match(r.stderr, /scan\.started: metadata\.profile/);
  const status = JSON.parse((await box.run(["status", "--json"])).stdout);
  equal(status.scan_count, 0);
  equal(status.pending.events, 0);
  equal(status.anonymous_id, null);
  await box.remove();
});

Deno.test("status counts what was dropped and normalised, and JMO_TELEMETRY_DEBUG=1 names it without its value", async () => {
  const box = await makeSandbox();
  const r = await box.run([
    "track",
    "tool.failed",
    "--meta",
    JSON.stringify({ ...VALID_METADATA["tool.failed"], tool: "/opt/acme/bin/x", host: "box-7" }),
  ], { env: { JMO_TELEMETRY_DEBUG: "1" } });
  equal(r.code, 0, r.stderr);
  match(r.stderr, /debug: tool\.failed: metadata\.tool is outside the schema, recorded as other/);
  match(r.stderr, /debug: tool\.failed: metadata\.host is an unknown key, dropped/);
  equal(r.stderr.includes("/opt/acme"), false);
  equal(r.stderr.includes("box-7"), false);
  const status = JSON.parse((await box.run(["status", "--json"])).stdout);
  deepEqual(status.normalised, { keys_dropped: 1, values_replaced: 1 });
  match((await box.run(["status"])).stdout, /Normalised: +1 unknown key dropped, 1 value outside/);
  await box.remove();
});
