import { deepEqual, equal, match, ok } from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildNpmPackage,
  CLIENT_BUNDLE_LIMIT,
  hostBundleBytes,
  NODE_ENGINES,
  packAndInstall,
} from "../../build_npm.ts";
import { makeSandbox, ROOT, runBinary } from "../helpers/run_binary.ts";
import { startTestCollector } from "../helpers/start_test_collector.ts";

// The package as a user of the client alone installs it: the packed tarball
// into a fresh project, none of its optional peers (zod, yaml, undici).
const scratch = Deno.makeTempDirSync({ prefix: "jmo-npm-client-" });
addEventListener("unload", () => Deno.removeSync(scratch, { recursive: true }));
const packageDir = Deno.env.get("JMO_NPM_PACKAGE_DIR") ?? join(scratch, "package");
if (!Deno.env.get("JMO_NPM_PACKAGE_DIR")) buildNpmPackage(packageDir);
const project = join(scratch, "project");
packAndInstall(packageDir, project);
const NODE = new TextDecoder().decode(
  new Deno.Command("sh", { args: ["-c", "command -v node"] }).outputSync().stdout,
).trim();

/** The README's library example, as it stands in the README. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## The library"));
  return /```ts\n([\s\S]*?)```/.exec(section)![1];
}

/** Runs `file` of the project with `node` (default: the Node on PATH) in a sandbox's environment. */
async function runNode(
  home: string,
  file: string,
  env: Record<string, string> = {},
  node: string = NODE,
) {
  const box = await makeSandbox();
  const r = await runBinary([file], {
    binary: node,
    env: box.env({ HOME: home, ...env }),
    cwd: project,
  });
  await box.remove();
  return r;
}

Deno.test("the client alone installs without zod, yaml or undici, and imports, tracks and closes without them", async () => {
  deepEqual(readdirSync(join(project, "node_modules")).filter((n) => !n.startsWith(".")), [
    "jmo-telemetry",
  ]);
  writeFileSync(
    join(project, "alone.mjs"),
    `import { createClient } from "jmo-telemetry";
const client = createClient({ version: "1.0.1" });
const result = client.track("tool.failed", {
  tool: "trivy", failure_type: "timeout", exit_code: null, profile: "fast",
});
client.close();
console.log(result.recorded);
`,
  );
  const box = await makeSandbox();
  const r = await runNode(box.home, "alone.mjs");
  equal(r.code, 0, r.stderr);
  equal(r.stdout, "true\n");
  equal(r.stderr, "");
  ok(readdirSync(join(box.stateDir, "spool", "ready")).length > 0);
  await box.remove();
});

Deno.test("a host's minified bundle of the client (bun build --splitting, for Node) loads at most 40 KB at start: track, close and status, the delivery code apart", () => {
  writeFileSync(
    join(project, "bundled.mjs"),
    `import { createClient } from "jmo-telemetry";
const telemetry = createClient({ version: "1.0.1" });
telemetry.track("tool.failed", { tool: "trivy", failure_type: "timeout", exit_code: null, profile: "fast" });
telemetry.close();
`,
  );
  const { eager, whole } = hostBundleBytes(project, "bundled.mjs");
  ok(eager <= CLIENT_BUNDLE_LIMIT, `${eager} bytes loaded at start`);
  ok(whole > eager, "the delivery code is a chunk of its own, loaded by the first flush()");
});

Deno.test("the README's library example, run twice from a fresh project with the collector up, delivers its four events", async () => {
  await using collector = await startTestCollector();
  writeFileSync(join(project, "readme_example.mjs"), readmeExample());
  const box = await makeSandbox();
  const env = { JMO_TELEMETRY_ENDPOINT: collector.eventsUrl };
  const first = await runNode(box.home, "readme_example.mjs", env);
  equal(first.code, 0, first.stderr);
  match(first.stderr, /JMO_TELEMETRY_DISABLE=1/, "the first run shows the banner");
  equal((await collector.exported()).length, 0, "the first run sends nothing");
  const second = await runNode(box.home, "readme_example.mjs", env);
  equal(second.code, 0, second.stderr);
  let delivered: Record<string, unknown>[] = [];
  for (let tries = 0; delivered.length < 4 && tries < 300; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    delivered = await collector.exported();
  }
  deepEqual(delivered.map((e) => e.event).sort(), [
    "scan.completed",
    "scan.completed",
    "scan.started",
    "scan.started",
  ]);
  await box.remove();
});

Deno.test("without onBanner the library prints nothing and records no notice, so nothing is sent", async () => {
  writeFileSync(
    join(project, "quiet.mjs"),
    `import { createClient } from "jmo-telemetry";
const client = createClient({ version: "1.0.1" });
client.track("scan.started", {
  profile: "fast", tools: ["trivy"],
  target_types: { repos: 1, images: 0, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
});
client.close();
`,
  );
  const box = await makeSandbox();
  for (let run = 0; run < 2; run++) {
    const r = await runNode(box.home, "quiet.mjs");
    equal(r.code, 0, r.stderr);
    equal(r.stdout + r.stderr, "");
  }
  const state = JSON.parse(readFileSync(join(box.stateDir, "state.json"), "utf8"));
  equal(state.notice, undefined);
  equal(state.last_flush, undefined);
  await box.remove();
});

Deno.test("with telemetry off, track still refuses an invalid event with EventValidationError, and writes nothing", async () => {
  writeFileSync(
    join(project, "refused.mjs"),
    `import { createClient, EventValidationError } from "jmo-telemetry";
const client = createClient({ version: "1.0.1" });
try {
  client.track("tool.failed", { tool: "trivy", failure_type: "timeout", exit_code: "one", profile: "fast" });
  console.log("accepted");
} catch (error) {
  console.log(error instanceof EventValidationError, error.field);
}
`,
  );
  const box = await makeSandbox();
  const optOuts: Record<string, string>[] = [
    { DO_NOT_TRACK: "1" },
    { CI: "true" },
    { JMO_TELEMETRY_DISABLE: "1" },
  ];
  for (const off of optOuts) {
    const r = await runNode(box.home, "refused.mjs", off);
    equal(r.code, 0, r.stderr);
    equal(r.stdout, "true metadata.exit_code\n");
  }
  equal(existsSync(box.stateDir), false);
  await box.remove();
});

Deno.test("on the oldest Node the engines allow, an ES module imports the package and a CommonJS script require()s it, each tracking and closing without a warning", async () => {
  const minimum = /^\^(\d+\.\d+\.\d+)/.exec(NODE_ENGINES)![1];
  const located = new Deno.Command("npm", {
    args: ["exec", "--yes", `--package=node@${minimum}`, "--", "node", "-p", "process.execPath"],
    cwd: scratch,
  }).outputSync();
  equal(located.code, 0, new TextDecoder().decode(located.stderr));
  const oldest = new TextDecoder().decode(located.stdout).trim();
  const program = (load: string) =>
    `${load}
const client = createClient({ version: "1.0.1" });
const result = client.track("tool.failed", {
  tool: "trivy", failure_type: "timeout", exit_code: null, profile: "fast",
});
client.close();
console.log(process.version, result.recorded);
`;
  writeFileSync(
    join(project, "oldest.mjs"),
    program('import { createClient } from "jmo-telemetry";'),
  );
  writeFileSync(
    join(project, "oldest.cjs"),
    program('const { createClient } = require("jmo-telemetry");'),
  );
  for (const file of ["oldest.mjs", "oldest.cjs"]) {
    const box = await makeSandbox();
    const r = await runNode(box.home, file, {}, oldest);
    await box.remove();
    equal(r.code, 0, r.stderr);
    equal(r.stdout, `v${minimum} true\n`, file);
    equal(r.stderr, "", file);
  }
});

Deno.test("with a jmo.yml and no yaml package installed, telemetry is off for the run: nothing recorded, nothing spooled deleted, nothing thrown", async () => {
  const box = await makeSandbox();
  const config = join(box.cwd, "jmo.yml");
  const alone = await runNode(box.home, "alone.mjs");
  equal(alone.stdout, "true\n", alone.stderr);
  writeFileSync(config, "telemetry:\n  enabled: true\n");
  const r = await runNode(box.home, "alone.mjs", { JMO_CONFIG: config });
  equal(r.code, 0, r.stderr);
  deepEqual([r.stdout, r.stderr], ["false\n", ""]);
  equal(readdirSync(join(box.stateDir, "spool", "ready")).length, 1, "the earlier event stays");
  await box.remove();
});

Deno.test("check() and the strict option work from the client entry without zod installed, with telemetry off", async () => {
  writeFileSync(
    join(project, "check.mjs"),
    `import { check, createClient, EventValidationError } from "jmo-telemetry";
const odd = { tool: "/etc/passwd", failure_type: "timeout", exit_code: null, profile: "fast" };
const { envelope, changes } = check("tool.failed", odd);
console.log(envelope.metadata.tool, changes.length);
try {
  createClient({ version: "1.0.1", strict: true }).track("tool.failed", odd);
} catch (error) {
  console.log(error instanceof EventValidationError, error.field);
}
`,
  );
  const box = await makeSandbox();
  const r = await runNode(box.home, "check.mjs", { DO_NOT_TRACK: "1" });
  equal(r.code, 0, r.stderr);
  equal(r.stdout, "other 1\ntrue metadata.tool\n");
  await box.remove();
});
