import { deepEqual, equal, match, notEqual, ok } from "node:assert/strict";
import { copyFileSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildNpmPackage,
  NODE_ENGINES,
  type NpmManifest,
  packAndInstall,
  REPOSITORY_URL,
  runNodeTests,
} from "../../build_npm.ts";
import { startTestProxy, type TestProxy } from "../helpers/http_proxy.ts";
import { makeSandbox, ROOT, runBinary, type Sandbox } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { spoolEvents } from "../helpers/spool_events.ts";
import {
  ACCEPTED,
  deliveredIds,
  startTestServer,
  type TestServer,
} from "../helpers/test_server.ts";

// The expensive part, once for the file: build the package (or take the one
// `deno task build:npm` just built), pack it and install the tarball into a
// scratch project with its optional peers, as a user of the whole package would.
const scratch = Deno.makeTempDirSync({ prefix: "jmo-npm-" });
addEventListener("unload", () => Deno.removeSync(scratch, { recursive: true }));
const packageDir = Deno.env.get("JMO_NPM_PACKAGE_DIR") ?? join(scratch, "package");
if (!Deno.env.get("JMO_NPM_PACKAGE_DIR")) buildNpmPackage(packageDir);
const project = join(scratch, "project");
const tarball = packAndInstall(packageDir, project, ["undici", "yaml", "zod"]);
const BIN = join(project, "node_modules", ".bin", "jmo-telemetry");
const NODE = new Deno.Command("sh", { args: ["-c", "command -v node"] }).outputSync();
const NODE_PATH = new TextDecoder().decode(NODE.stdout).trim();
copyFileSync(
  join(ROOT, "tests", "distribution", "node", "use_library.mjs"),
  join(project, "app.mjs"),
);

/** A host name that never resolves: only the proxy can reach the collector behind it. */
const UNRESOLVABLE = "collector.test";

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** What `use_library.mjs` prints, as far as these tests read it. */
interface LibraryRun {
  flushed: { outcome: string; sent: number; kept: number };
  hostDispatcherKept: boolean;
  addedListeners: Record<string, number>;
}

async function runLibrary(home: string, env: Record<string, string>): Promise<LibraryRun> {
  const box = await makeSandbox();
  const r = await runBinary(["app.mjs"], {
    binary: NODE_PATH,
    env: box.env({ HOME: home, ...env }),
    cwd: project,
  });
  await box.remove();
  equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

Deno.test("package.json: deno.json's version, three entries with types first, no side effects, bin, import-map peers plus undici all optional, the repository's links, the Node engines", () => {
  const manifest = readJson<NpmManifest>(
    join(project, "node_modules", "jmo-telemetry", "package.json"),
  );
  const denoJson = readJson<{ version: string; imports: Record<string, string> }>(
    join(ROOT, "deno.json"),
  );
  equal(manifest.name, "jmo-telemetry");
  equal(manifest.version, denoJson.version);
  equal(manifest.type, "module");
  deepEqual(Object.keys(manifest.exports), [".", "./schema", "./analytics", "./package.json"]);
  for (const entry of [".", "./schema", "./analytics"]) {
    deepEqual(Object.keys(manifest.exports[entry]), ["types", "default"]);
  }
  equal(manifest.sideEffects, false);
  equal(manifest.bin["jmo-telemetry"], "esm/node/bin.js");
  equal("dependencies" in manifest, false);
  deepEqual(Object.keys(manifest.peerDependencies), ["undici", "yaml", "zod"]);
  deepEqual(Object.values(manifest.peerDependenciesMeta), [
    { optional: true },
    { optional: true },
    { optional: true },
  ]);
  equal(`npm:yaml@${manifest.peerDependencies.yaml}`, denoJson.imports.yaml);
  equal(`npm:zod@${manifest.peerDependencies.zod}`, denoJson.imports.zod);
  equal(manifest.repository.url, `git+${REPOSITORY_URL}.git`);
  ok(manifest.homepage.startsWith(REPOSITORY_URL));
  equal(manifest.bugs.url, `${REPOSITORY_URL}/issues`);
  equal(manifest.engines.node, NODE_ENGINES);
});

Deno.test("a CommonJS script can require() the package, with a proxy set or not (no top-level await)", async () => {
  writeFileSync(
    join(project, "app.cjs"),
    'const { createClient, VERSION } = require("jmo-telemetry");\n' +
      "console.log(typeof createClient, VERSION);\n",
  );
  const proxies: Record<string, string>[] = [{}, { HTTPS_PROXY: "http://127.0.0.1:9" }];
  for (const proxy of proxies) {
    const box = await makeSandbox();
    const r = await runBinary(["app.cjs"], {
      binary: NODE_PATH,
      env: box.env(proxy),
      cwd: project,
    });
    await box.remove();
    equal(r.code, 0, r.stderr);
    match(r.stdout, /^function \d+\.\d+\.\d+\n$/);
  }
});

Deno.test("the Node test suite of the library and the CLI (node --test) passes against the installed package", () => {
  const run = runNodeTests(project);
  equal(run.code, 0, run.output);
  const summary = run.output.split("\n").filter((line) =>
    /^# (tests|pass|fail|duration_ms) /.test(line)
  );
  console.log(summary.join("\n"));
});

Deno.test("the tarball holds ESM, .d.ts, an executable bin with a node shebang, README and LICENSE, and no TypeScript source", () => {
  const listing = new Deno.Command("tar", { args: ["tzf", tarball] }).outputSync();
  const files = new TextDecoder().decode(listing.stdout).trim().split("\n");
  for (
    const file of [
      "package/package.json",
      "package/README.md",
      "package/LICENSE",
      "package/esm/mod.js",
      "package/esm/mod.d.ts",
      "package/esm/schema.js",
      "package/esm/schema.d.ts",
      "package/esm/analytics/mod.js",
      "package/esm/analytics/mod.d.ts",
      "package/esm/cli/bin.js",
      "package/esm/node/bin.js",
    ]
  ) ok(files.includes(file), `${file} is missing from the tarball`);
  deepEqual(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")), []);
  const bin = join(project, "node_modules", "jmo-telemetry", "esm", "node", "bin.js");
  ok(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n"));
  notEqual(statSync(bin).mode & 0o111, 0);
  const declarations = readFileSync(
    join(project, "node_modules", "jmo-telemetry", "esm", "mod.d.ts"),
    "utf8",
  );
  ok(!/from "\.[^"]*\.ts"/.test(declarations), "the .d.ts files import .js, not .ts");
});

/**
 * A sandbox whose install showed the first-run notice in an earlier run (so
 * that it may deliver; that run's scan.started, `noticeId`, is pending), a
 * collector behind a host name only the proxy reaches, and the proxy.
 */
async function withProxiedCollector(
  test: (
    t: { box: Sandbox; server: TestServer; proxy: TestProxy; endpoint: string; noticeId: string },
  ) => Promise<void>,
): Promise<void> {
  const box = await makeSandbox();
  const noticeId = showNotice(box.home);
  const server = await startTestServer(() => ACCEPTED);
  const proxy = await startTestProxy();
  try {
    const endpoint = `http://${UNRESOLVABLE}:${server.port}/v1/events`;
    await test({ box, server, proxy, endpoint, noticeId });
  } finally {
    await proxy.close();
    await server.close();
    await box.remove();
  }
}

Deno.test("the library under Node delivers through HTTP_PROXY with a dispatcher of its own requests: the host's global dispatcher stays, and the only listener added is one exit hook", () =>
  withProxiedCollector(async ({ box, server, proxy, endpoint }) => {
    const run = await runLibrary(box.home, {
      JMO_TELEMETRY_ENDPOINT: endpoint,
      HTTP_PROXY: proxy.url,
    });
    equal(run.flushed.outcome, "delivered", JSON.stringify(run.flushed));
    equal(proxy.requests[0].method, "POST");
    equal(proxy.requests[0].target, endpoint);
    equal(run.flushed.sent, 3, "the notice's scan.started and the program's two events");
    equal(deliveredIds(server).length, 3);
    equal(run.hostDispatcherKept, true);
    deepEqual(run.addedListeners, { exit: 1 });
  }));

Deno.test("the bin under Node: flush goes through HTTP_PROXY, and NO_PROXY bypasses it", () =>
  withProxiedCollector(async ({ box, server, proxy, endpoint, noticeId }) => {
    const ids = [noticeId, ...spoolEvents(box.home, 3)];
    const flush = (extra: Record<string, string>) =>
      runBinary(["flush"], {
        binary: BIN,
        env: box.env({ JMO_TELEMETRY_ENDPOINT: endpoint, HTTP_PROXY: proxy.url, ...extra }),
        cwd: box.cwd,
      });
    const bypassed = await flush({ NO_PROXY: UNRESOLVABLE });
    equal(bypassed.code, 3, bypassed.stdout + bypassed.stderr);
    equal(proxy.requests.length, 0);
    const proxied = await flush({});
    equal(proxied.code, 0, proxied.stdout + proxied.stderr);
    equal(proxy.requests[0].target, endpoint);
    deepEqual(deliveredIds(server).sort(), [...ids].sort());
  }));

Deno.test("a TypeScript consumer type-checks against the installed declarations which refuse metadata outside the schema", () => {
  writeFileSync(
    join(project, "good.ts"),
    `import { createClient, type StatusReport } from "jmo-telemetry";
const client = createClient({ version: "1.0.1" });
client.track("report.generated", {
  output_formats: ["json"], findings_bucket: "10-100", suppressions_used: false, compliance_enabled: true,
});
const status: StatusReport = client.status();
export const pending: number = status.pending.events;
`,
  );
  writeFileSync(
    join(project, "bad.ts"),
    `import { createClient } from "jmo-telemetry";
createClient().track("report.generated", { output_formats: ["json"], findings_bucket: "lots" });
`,
  );
  const tsc = (file: string) =>
    new Deno.Command(join(ROOT, "node_modules", ".bin", "tsc"), {
      args: [
        "--noEmit",
        "--strict",
        "--module",
        "nodenext",
        "--types",
        "node",
        "--typeRoots",
        join(ROOT, "node_modules", "@types"),
        file,
      ],
      cwd: project,
    }).outputSync();
  const good = tsc("good.ts");
  equal(good.code, 0, new TextDecoder().decode(good.stdout));
  const bad = tsc("bad.ts");
  notEqual(bad.code, 0);
  match(new TextDecoder().decode(bad.stdout), /bad\.ts.*"lots"/s);
});

Deno.test("the bin under Node sends an https endpoint through HTTPS_PROXY with CONNECT", () =>
  withProxiedCollector(async ({ box, proxy }) => {
    spoolEvents(box.home, 1);
    const r = await runBinary(["flush"], {
      binary: BIN,
      env: box.env({
        JMO_TELEMETRY_ENDPOINT: `https://${UNRESOLVABLE}/v1/events`,
        HTTPS_PROXY: proxy.url,
      }),
      cwd: box.cwd,
    });
    equal(r.code, 3, r.stdout + r.stderr);
    equal(proxy.requests[0].method, "CONNECT");
    equal(proxy.requests[0].target, `${UNRESOLVABLE}:443`);
  }));
