import { deepEqual, equal, match, ok } from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NOTICE_VERSION } from "../../src/consent/banner.ts";
import { makeSandbox, trackArgs } from "../helpers/run_binary.ts";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NOTICE = "JMo Security collects anonymous usage telemetry";

Deno.test("bucket prints each KIND VALUE pair's bucket, one line each, on or off", async () => {
  const box = await makeSandbox();
  const pairs = [
    ["duration", "299", "<5min"],
    ["duration", "1800", ">30min"],
    ["findings", "10", "1-10"],
    ["findings", "11", "10-100"],
    ["targets", "0", "1"],
    ["targets", "1", "1"],
    ["targets", "51", ">50"],
    ["violations", "5", "1-5"],
    ["violations", "6", "5-20"],
    ["duration-ms", "49.9", "<50ms"],
    ["duration-ms", "500", ">500ms"],
    ["scan-count", "1", "first_time"],
    ["scan-count", "11", "daily"],
  ];
  for (const env of [{}, { JMO_TELEMETRY_DISABLE: "1" }] as Record<string, string>[]) {
    const r = await box.run(["bucket", "--", ...pairs.flatMap(([kind, value]) => [kind, value])], {
      env,
    });
    equal(r.code, 0, r.stderr);
    equal(r.stdout, pairs.map(([, , bucket]) => bucket + "\n").join(""));
  }
  ok(!existsSync(box.stateDir));
  await box.remove();
});

Deno.test("bucket refuses an unknown kind, a negative or non-numeric value, and an odd count with exit 2", async () => {
  const box = await makeSandbox();
  for (
    const [args, words] of [
      [["colour", "1"], /unknown KIND 'colour'/],
      [["--", "findings", "-1"], /at least 0, not '-1'/],
      [["findings", "many"], /at least 0, not 'many'/],
      [["findings", ""], /at least 0, not ''/],
      [["findings"], /KIND VALUE pairs/],
    ] as const
  ) {
    const r = await box.run(["bucket", ...args]);
    equal(r.code, 2, r.stderr);
    match(r.stderr, words);
    equal(r.stdout, "");
  }
  await box.remove();
});

Deno.test("id --create makes and keeps a UUID v4 even when telemetry is off; --file names the host's own file", async () => {
  const box = await makeSandbox();
  const made = await box.run(["id", "--create"], { env: { JMO_TELEMETRY_DISABLE: "1" } });
  equal(made.code, 0, made.stderr);
  match(made.stdout.trim(), UUID_V4);
  equal(readFileSync(join(box.stateDir, "telemetry-id"), "utf8").trim(), made.stdout.trim());
  equal((await box.run(["id", "--create"])).stdout, made.stdout);
  equal((await box.run(["id"])).stdout, made.stdout);
  const own = join(box.home, "nested", "dir", "telemetry-id");
  const theirs = await box.run(["id", "--create", "--file", own]);
  equal(readFileSync(own, "utf8").trim(), theirs.stdout.trim());
  ok(theirs.stdout !== made.stdout);
  writeFileSync(own, "a7f3c8e2-4b1d-4f9e-8c3a-2d5e7f9b1a3c");
  equal((await box.run(["id", "--file", own])).stdout, "a7f3c8e2-4b1d-4f9e-8c3a-2d5e7f9b1a3c\n");
  equal((await box.run(["id", "--rotate", "--file", own])).code, 2);
  await box.remove();
});

Deno.test("scan-count --increment advances the count and answers its hint; off, the state folder is left alone", async () => {
  const box = await makeSandbox();
  const off = await box.run(["scan-count", "--increment"], { env: { DO_NOT_TRACK: "1" } });
  equal(off.stdout, "1 first_time\n");
  ok(!existsSync(box.stateDir));
  const answers: string[] = [];
  for (let i = 0; i < 11; i++) answers.push((await box.run(["scan-count", "--increment"])).stdout);
  deepEqual(answers, [
    "1 first_time\n",
    ...Array.from({ length: 9 }, (_, i) => `${i + 2} weekly\n`),
    "11 daily\n",
  ]);
  equal((await box.run(["scan-count"])).stdout, "11 daily\n");
  const own = join(box.home, "host", "scan-count");
  const theirs = await box.run(["scan-count", "--increment", "--file", own], {
    env: { CI: "true" },
  });
  equal(theirs.stdout, "1 first_time\n");
  equal(readFileSync(own, "utf8").trim(), "1");
  await box.remove();
});

Deno.test("track scan.started --scan-counted records the scan without counting it again", async () => {
  const box = await makeSandbox();
  equal((await box.run(["scan-count", "--increment"])).stdout, "1 first_time\n");
  equal((await box.run(trackArgs("scan.started", ["--scan-counted"]))).code, 0);
  equal((await box.run(["scan-count"])).stdout, "1 first_time\n");
  equal((await box.run(trackArgs("scan.started"))).code, 0);
  equal((await box.run(["scan-count"])).stdout, "2 weekly\n");
  await box.remove();
});

Deno.test("banner prints the notice while it is due; --due answers yes or no; JMO_TELEMETRY_SHOWN=1 and opt-outs make it not due", async () => {
  const box = await makeSandbox();
  equal((await box.run(["banner", "--due"])).stdout, "yes\n");
  equal((await box.run(["banner", "--due"], { env: { JMO_TELEMETRY_SHOWN: "1" } })).stdout, "no\n");
  equal((await box.run(["banner", "--due"], { env: { CI: "1" } })).stdout, "no\n");
  const shown = await box.run(["banner"]);
  equal(shown.stdout, "");
  match(shown.stderr, new RegExp(NOTICE));
  match(shown.stderr, /Nothing is sent before your next run\./);
  for (let scan = 1; scan <= 3; scan++) {
    equal((await box.run(["banner", "--due"])).stdout, "yes\n", `scan ${scan}`);
    await box.run(trackArgs("scan.started"));
  }
  equal((await box.run(["banner", "--due"])).stdout, "no\n");
  equal((await box.run(["banner"])).stderr, "");
  equal((await box.run(["banner", "--due", "--mode", "docker"])).stdout, "yes\n");
  equal((await box.run(["banner", "--mode", "ship"])).code, 2);
  await box.remove();
});

Deno.test("track scan.started with JMO_TELEMETRY_SHOWN=1 records the notice's showing without printing it", async () => {
  const box = await makeSandbox();
  const r = await box.run(trackArgs("scan.started"), { env: { JMO_TELEMETRY_SHOWN: "1" } });
  equal(r.code, 0, r.stderr);
  equal(r.stderr, "");
  const state = JSON.parse(readFileSync(join(box.stateDir, "state.json"), "utf8"));
  // A first showing holds delivery until the host's next scan.started.
  deepEqual(state.notice, { version: NOTICE_VERSION, shown: 1, held: true });
  await box.remove();
});

Deno.test("--config-json puts the host's own parsed configuration in the config file's place", async () => {
  const box = await makeSandbox();
  writeFileSync(join(box.cwd, "jmo.yml"), "telemetry:\n  enabled: true\n");
  const off = JSON.stringify({ telemetry: { enabled: false } });
  const status = JSON.parse((await box.run(["status", "--json", "--config-json", off])).stdout);
  deepEqual([status.enabled, status.reason], [false, "config:(--config-json)"]);
  const track = await box.run(trackArgs("scan.started", ["--config-json", off]));
  equal(track.code, 0, track.stderr);
  ok(!existsSync(join(box.stateDir, "telemetry-id")));
  equal((await box.run(["banner", "--due", "--config-json", off])).stdout, "no\n");
  const none = JSON.stringify({ telemetry: null });
  const byDefault = JSON.parse((await box.run(["status", "--json", "--config-json", none])).stdout);
  deepEqual([byDefault.enabled, byDefault.reason], [true, "default"]);
  await box.remove();
});

Deno.test("status --json names the CI marker of the run, or null", async () => {
  const box = await makeSandbox();
  equal(JSON.parse((await box.run(["status", "--json"])).stdout).ci, null);
  equal(
    JSON.parse((await box.run(["status", "--json"], { env: { GITLAB_CI: "true" } })).stdout).ci,
    "GITLAB_CI",
  );
  equal(
    JSON.parse((await box.run(["status", "--json"], { env: { CI: "false" } })).stdout).ci,
    null,
  );
  await box.remove();
});

Deno.test("--config-json reads any other telemetry.enabled value as false, as the config file's rules do", async () => {
  const box = await makeSandbox();
  for (const config of [{ telemetry: { enabled: "maybe" } }, { telemetry: { enabled: 1 } }]) {
    const r = await box.run(["status", "--json", "--config-json", JSON.stringify(config)]);
    const status = JSON.parse(r.stdout);
    deepEqual([status.enabled, status.reason], [false, "config:(--config-json)"], r.stdout);
    match(status.config_problem, /neither true nor false: read as false/);
  }
  equal((await box.run(["status", "--json", "--config-json", "{not json"])).code, 0);
  await box.remove();
});
