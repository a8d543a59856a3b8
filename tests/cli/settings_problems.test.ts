import { deepEqual, equal, match } from "node:assert/strict";
import { join } from "node:path";
import { makeSandbox, trackArgs } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";

const IGNORED = {
  JMO_TELEMETRY_TIMEOUT_SECONDS: "soon",
  JMO_TELEMETRY_MAX_AGE_DAYS: "0",
  JMO_TELEMETRY_ENDPOINT: "ftp://example.com/v1/events",
  JMO_HOME: "relative/state",
};

Deno.test("status lists every environment value it ignores, in words and in --json", async () => {
  const box = await makeSandbox();
  const json = JSON.parse((await box.run(["status", "--json"], { env: IGNORED })).stdout);
  equal(json.home, box.stateDir);
  deepEqual(
    json.settings_problems.map((p: { variable: string }) => p.variable).sort(),
    Object.keys(IGNORED).sort(),
  );
  const human = (await box.run(["status"], { env: IGNORED })).stdout;
  match(
    human,
    /\nIgnored: +JMO_HOME="relative\/state": not an absolute path; the default \S+ is used\n/,
  );
  match(
    human,
    /\n +JMO_TELEMETRY_TIMEOUT_SECONDS="soon": not a positive number; the default 2 s is used\n/,
  );
  match(human, /\n +JMO_TELEMETRY_MAX_AGE_DAYS="0": not a positive number; the default 30 days/);
  match(
    human,
    /\n +JMO_TELEMETRY_ENDPOINT="ftp:\/\/example\.com\/v1\/events": not an http\(s\) URL/,
  );
  await box.remove();
});

Deno.test("status has no Ignored line and an empty settings_problems when every value is usable", async () => {
  const box = await makeSandbox();
  deepEqual(JSON.parse((await box.run(["status", "--json"])).stdout).settings_problems, []);
  equal((await box.run(["status"])).stdout.includes("Ignored:"), false);
  await box.remove();
});

Deno.test("flush to an endpoint that is not http(s) says so plainly and exits 3, keeping every event", async () => {
  const box = await makeSandbox();
  showNotice(box.home);
  await box.run(trackArgs("tool.failed"));
  const env = { JMO_TELEMETRY_ENDPOINT: "ftp://example.com/v1/events" };
  const r = await box.run(["flush"], { env });
  equal(r.code, 3);
  match(
    r.stdout,
    /\nKept: +2 events \(JMO_TELEMETRY_ENDPOINT is not an http\(s\) URL \("ftp:\/\/example\.com\/v1\/events"\): set it to an http:\/\/ or https:\/\/ URL, or unset it for the default\)\n/,
  );
  equal(r.stdout.includes("ERR_INVALID_URL"), false);
  equal(JSON.parse((await box.run(["status", "--json"])).stdout).pending.events, 2);
  await box.remove();
});

Deno.test("track with a relative JMO_HOME records in the default state folder", async () => {
  const box = await makeSandbox();
  const r = await box.run(trackArgs("tool.failed"), { env: { JMO_HOME: "state" } });
  equal(r.code, 0, r.stderr);
  equal(Deno.statSync(join(box.stateDir, "telemetry-id")).isFile, true);
  await box.remove();
});
