import { deepEqual, equal, match, ok, throws } from "node:assert/strict";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { rotateAnonymousId } from "../../src/install/mod.ts";
import { createClient, EventValidationError, type TrackMetadata } from "../../src/mod.ts";
import { VALID_METADATA } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";

const FAILED = VALID_METADATA["tool.failed"] as TrackMetadata<"tool.failed">;

const STARTED: TrackMetadata<"scan.started"> = {
  profile: "fast",
  tools: ["trivy", "semgrep"],
  target_types: { repos: 1, images: 0, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
};

function sandbox(extraEnv: Record<string, string> = {}) {
  const home = Deno.makeTempDirSync({ prefix: "jmo-client-" });
  const banners: string[] = [];
  const client = createClient({
    env: { DOCKER_CONTAINER: "0", ...extraEnv },
    homedir: home,
    cwd: home,
    now: () => new Date("2026-11-23T10:00:00.500Z"),
    version: "1.0.1",
    onBanner: (text) => banners.push(text),
  });
  return { home, client, banners, remove: () => Deno.removeSync(home, { recursive: true }) };
}

Deno.test("a library client records a valid event and its status counts it pending", () => {
  const box = sandbox();
  const result = box.client.track("scan.started", STARTED, { pythonVersion: "3.11" });
  box.client.close();
  equal(result.recorded, true);
  equal(result.envelope?.event, "scan.started");
  equal(result.envelope?.timestamp, "2026-11-23T10:00:00Z");
  equal(result.envelope?.python_version, "3.11");
  const status = box.client.status();
  equal(status.pending.events, 1);
  equal(status.scan_count, 1);
  equal(status.anonymous_id, result.envelope?.anonymous_id);
  box.remove();
});

Deno.test("a library client hands the first-run banner to onBanner, never to stdout", () => {
  const box = sandbox();
  const result = box.client.track("scan.started", STARTED);
  box.client.close();
  equal(box.banners.length, 1);
  equal(result.banner, box.banners[0]);
  match(box.banners[0], /JMO_TELEMETRY_DISABLE=1/);
  box.remove();
});

Deno.test("a library client buckets raw scan.completed numbers and keeps them off the disk", () => {
  const box = sandbox();
  const result = box.client.track("scan.completed", {
    profile: "balanced",
    duration_seconds: 1000,
    tools_succeeded: 4,
    tools_failed: 1,
    total_findings: 101,
  });
  box.client.close();
  deepEqual(
    [result.envelope?.metadata.duration_bucket, result.envelope?.metadata.total_findings_bucket],
    ["15-30min", "100-1000"],
  );
  const spooled = readdirSync(join(box.home, ".jmo-security", "spool", "ready"))
    .map((name) => Deno.readTextFileSync(join(box.home, ".jmo-security", "spool", "ready", name)))
    .join("");
  ok(!spooled.includes("duration_seconds") && !spooled.includes('total_findings"'));
  box.remove();
});

Deno.test("a strict library client refuses an event outside the schema with EventValidationError and records nothing", () => {
  const box = sandbox();
  throws(
    () =>
      box.client.track(
        "scan.started",
        // @ts-expect-error: an unknown key is refused in strict mode, as the types say
        { ...STARTED, path: "/home/alice/secret" },
        { strict: true },
      ),
    (error) => error instanceof EventValidationError && /path/.test(error.message),
  );
  box.client.close();
  equal(box.client.status().pending.events, 0);
  equal(existsSync(join(box.home, ".jmo-security", "telemetry-id")), false);
  box.remove();
});

Deno.test("a library client opted out by the environment records nothing and creates no file", () => {
  const box = sandbox({ DO_NOT_TRACK: "1" });
  const result = box.client.track("scan.started", STARTED);
  box.client.close();
  equal(result.recorded, false);
  equal(existsSync(join(box.home, ".jmo-security")), false);
  box.remove();
});

Deno.test("a library client sees telemetry.enabled: false written to jmo.yml after it started", () => {
  const box = sandbox();
  equal(box.client.track("scan.started", STARTED).recorded, true);
  writeFileSync(join(box.home, "jmo.yml"), "# ours\ntelemetry:\n  enabled: false\n");
  equal(box.client.track("scan.started", STARTED).recorded, false);
  box.client.close();
  const status = box.client.status();
  equal(status.reason, `config:${join(box.home, "jmo.yml")}`);
  equal(status.pending.events, 0, "the opt-out also deleted what was spooled before it");
  box.remove();
});

Deno.test("closed library clients leave no exit listener behind, however many a process makes", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-" });
  const before = process.listenerCount("exit");
  for (let i = 0; i < 20; i++) {
    const client = createClient({ env: { DOCKER_CONTAINER: "0" }, homedir: home, cwd: home });
    client.track("scan.completed", {
      profile: "fast",
      duration_seconds: 5,
      tools_succeeded: 1,
      tools_failed: 0,
      total_findings: 0,
    });
    client.close();
  }
  equal(process.listenerCount("exit"), before);
  await Deno.remove(home, { recursive: true });
});

Deno.test("a library client keeps a release-candidate Python version as major.minor", () => {
  const box = sandbox();
  const result = box.client.track("scan.started", STARTED, { pythonVersion: "3.12.0rc1" });
  box.client.close();
  equal(result.envelope?.python_version, "3.12");
  box.remove();
});

Deno.test("a library client whose state.json cannot be updated still records the event and says why", () => {
  const box = sandbox();
  Deno.mkdirSync(join(box.home, ".jmo-security", "state.json"), { recursive: true });
  const result = box.client.track("scan.started", STARTED);
  box.client.close();
  equal(result.recorded, true);
  equal(result.problem, "state.json could not be updated (is a folder)");
  equal(box.banners.length, 0, "a banner whose showing cannot be remembered was shown");
  equal(box.client.status().pending.events, 1);
  box.remove();
});

Deno.test("a library client picks up an id rotated by another process at its next event after close()", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-" });
  const client = createClient({ env: { DOCKER_CONTAINER: "0" }, homedir: home, cwd: home });
  const completed = {
    profile: "fast",
    duration_seconds: 5,
    tools_succeeded: 1,
    tools_failed: 0,
    total_findings: 0,
  } as const;
  const first = client.track("scan.completed", completed).envelope!.anonymous_id;
  equal(client.track("scan.completed", completed).envelope!.anonymous_id, first);
  const rotated = rotateAnonymousId(join(home, ".jmo-security"));
  client.close();
  equal(client.track("scan.completed", completed).envelope!.anonymous_id, rotated);
  client.close();
  await Deno.remove(home, { recursive: true });
});

Deno.test("track where the home cannot be made records nothing, throws nothing and says why", async () => {
  const root = await Deno.makeTempDir({ prefix: "jmo-client-" });
  const client = createClient({
    env: { DOCKER_CONTAINER: "0" },
    homedir: join(root, "missing-home"),
    cwd: root,
  });
  const result = client.track("tool.failed", FAILED);
  equal(result.recorded, false);
  match(result.problem ?? "", /^event not recorded \(/);
  equal(existsSync(join(root, "missing-home")), false);
  await Deno.remove(root, { recursive: true });
});

Deno.test("flush on a spool it cannot use resolves with outcome failed, never rejects", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-" });
  showNotice(home);
  const client = createClient({ env: { DOCKER_CONTAINER: "0" }, homedir: home, cwd: home });
  const spool = join(home, ".jmo-security", "spool");
  await Deno.remove(spool, { recursive: true });
  await Deno.writeTextFile(spool, "a file where the spool folder goes");
  const report = await client.flush();
  equal(report.outcome, "failed");
  match(report.detail ?? "", /^the spool could not be used \(/);
  await Deno.remove(home, { recursive: true });
});

Deno.test("twenty clients that never close share one exit listener", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-client-" });
  const before = process.listenerCount("exit");
  const clients = Array.from(
    { length: 20 },
    () => createClient({ env: { DOCKER_CONTAINER: "0" }, homedir: home, cwd: home }),
  );
  for (const client of clients) client.track("tool.failed", FAILED);
  equal(process.listenerCount("exit") - before <= 1, true);
  for (const client of clients) client.close();
  await Deno.remove(home, { recursive: true });
});
