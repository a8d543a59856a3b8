// The package's bin under Node, run as a host tool runs it: track, show,
// status, purge, help, version, and what it refuses.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { VERSION } from "jmo-telemetry";
import { runBin } from "./run_bin.mjs";
import { sandbox } from "./sandbox.mjs";
import { RECORDED_METADATA, VALID_METADATA } from "./event_metadata.mjs";

const PACKAGE = JSON.parse(
  readFileSync(fileURLToPath(import.meta.resolve("jmo-telemetry/package.json")), "utf8"),
);
const COMMANDS = [
  "track",
  "flush",
  "status",
  "enable",
  "disable",
  "consent",
  "id",
  "show",
  "purge",
  "view",
  "report",
];

/** Runs the bin in the sandbox `box`, with `extra` added to its clean environment. */
function binIn(box) {
  return (args, extra = {}) => runBin(args, { env: box.env(extra), cwd: box.cwd });
}

/** The arguments of `track` for the valid metadata of `event`. */
function trackArgs(event, ...extra) {
  return ["track", event, "--meta", JSON.stringify(VALID_METADATA[event]), ...extra];
}

test("--version and -V print the package's version, which the library exports as VERSION, and --help lists every command, all exiting 0", async (t) => {
  const bin = binIn(sandbox(t));
  assert.equal(VERSION, PACKAGE.version);
  for (const flag of ["--version", "-V"]) {
    assert.deepEqual(await bin([flag]), {
      code: 0,
      stdout: `jmo-telemetry ${PACKAGE.version}\n`,
      stderr: "",
    });
  }
  const help = await bin(["--help"]);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^Usage: jmo-telemetry <command> \[options\]$/m);
  for (const command of COMMANDS) assert.match(help.stdout, new RegExp(`^  ${command} +\\S`, "m"));
});

test("track records an event silently on stdout, and show prints it as it would be sent", async (t) => {
  const box = sandbox(t);
  const bin = binIn(box);
  const tracked = await bin(
    trackArgs("scan.completed", "--tool-version", "2.4.0", "--python-version", "3.12.4"),
  );
  assert.equal(tracked.code, 0, tracked.stderr);
  assert.equal(tracked.stdout, "");
  const shown = await bin(["show"]);
  assert.equal(shown.code, 0, shown.stderr);
  const lines = shown.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.equal(lines.length, 1);
  assert.equal(lines[0].event, "scan.completed");
  assert.equal(lines[0].version, "2.4.0");
  assert.equal(lines[0].python_version, "3.12");
  assert.deepEqual(lines[0].metadata, RECORDED_METADATA["scan.completed"]);
});

test("the first track of a scan.started shows the banner on stderr, never on stdout", async (t) => {
  const bin = binIn(sandbox(t));
  const tracked = await bin(trackArgs("scan.started"));
  assert.equal(tracked.code, 0, tracked.stderr);
  assert.equal(tracked.stdout, "");
  assert.match(tracked.stderr, /JMO_TELEMETRY_DISABLE=1/);
});

test("track --strict refuses an event outside the schema with exit 2 and a message naming the event and the field, and records nothing", async (t) => {
  const box = sandbox(t);
  const bin = binIn(box);
  const meta = { ...VALID_METADATA["tool.failed"], tool: "/etc/passwd" };
  const refused = await bin(["track", "tool.failed", "--strict", "--meta", JSON.stringify(meta)]);
  assert.equal(refused.code, 2);
  assert.equal(refused.stdout, "");
  assert.match(refused.stderr, /event refused, nothing recorded: tool\.failed: metadata\.tool: /);
  const malformed = await bin(["track", "tool.failed", "--meta", "{tool:"]);
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /tool\.failed: metadata: is not valid JSON/);
  assert.equal(existsSync(box.stateDir), false);
});

test("status --json reports consent, the pending event and its id; plain status says the same for people", async (t) => {
  const bin = binIn(sandbox(t));
  await bin(trackArgs("tool.failed"));
  const shown = JSON.parse((await bin(["show"])).stdout);
  const json = await bin(["status", "--json"]);
  assert.equal(json.code, 0, json.stderr);
  const status = JSON.parse(json.stdout);
  assert.deepEqual([status.enabled, status.reason], [true, "default"]);
  assert.equal(status.pending.events, 1);
  assert.equal(status.anonymous_id, shown.anonymous_id);
  const plain = await bin(["status"]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /^Telemetry: +on$/m);
  assert.match(plain.stdout, /^Pending: +1 events?\b/m);
  assert.match(plain.stdout, new RegExp(`^Anonymous id: +${shown.anonymous_id}$`, "m"));
});

test("status names the deciding rule: the environment's opt-outs and CI, where CI=false is not CI", async (t) => {
  const bin = binIn(sandbox(t));
  for (
    const [env, enabled, reason] of [
      [{ JMO_TELEMETRY_DISABLE: "1" }, false, "env:JMO_TELEMETRY_DISABLE"],
      [{ DO_NOT_TRACK: "1" }, false, "env:DO_NOT_TRACK"],
      [{ CI: "true" }, false, "ci:CI"],
      [{ CI: "false" }, true, "default"],
    ]
  ) {
    const status = JSON.parse((await bin(["status", "--json"], env)).stdout);
    assert.deepEqual([status.enabled, status.reason], [enabled, reason], JSON.stringify(env));
  }
});

test("with JMO_TELEMETRY_DISABLE=1, track exits 0 with no output and writes nothing", async (t) => {
  const box = sandbox(t);
  const tracked = await binIn(box)(trackArgs("scan.started"), { JMO_TELEMETRY_DISABLE: "1" });
  assert.deepEqual(tracked, { code: 0, stdout: "", stderr: "" });
  assert.equal(existsSync(box.stateDir), false);
});

test("purge deletes every pending event unsent and says how many; show then prints nothing", async (t) => {
  const bin = binIn(sandbox(t));
  await bin(trackArgs("report.generated"));
  assert.deepEqual(await bin(["purge"]), {
    code: 0,
    stdout: "Deleted 1 pending event.\n",
    stderr: "",
  });
  assert.deepEqual(await bin(["show"]), { code: 0, stdout: "", stderr: "" });
  assert.equal(JSON.parse((await bin(["status", "--json"])).stdout).pending.events, 0);
});

test("an unknown flag or command exits 2 with the usage on stderr", async (t) => {
  const bin = binIn(sandbox(t));
  for (
    const [args, usage] of [
      [["status", "--bogus"], /Usage: jmo-telemetry status/],
      [["track", "tool.failed", "--bogus"], /Usage: jmo-telemetry track/],
      [["frobnicate"], /unknown command 'frobnicate'[\s\S]*Usage: jmo-telemetry <command>/],
    ]
  ) {
    const run = await bin(args);
    assert.equal(run.code, 2, args.join(" "));
    assert.equal(run.stdout, "");
    assert.match(run.stderr, usage);
  }
});
