/**
 * `npm start`: the whole path of an event, on this machine alone. Starts the
 * collector Worker on the real Workers runtime (D1 on disk), plays two JMo
 * Security scans (the user's first run, which shows the notice, and the
 * next, which releases delivery) through the compiled binary in a temporary
 * home, flushes them into the collector, plays five more installs' scans so
 * the aggregates clear the 5-install floor, then shows what the collector
 * holds and the maintainers' dashboard over it.
 *
 * @module
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { startCollector } from "../collector/local/mod.ts";

const root = join(import.meta.dirname ?? ".", "..");
const binary = join(root, "dist", "jmo-telemetry");

/** Everything the demo writes lives here, so the user's own home is never touched. */
const sandbox = mkdtempSync(join(tmpdir(), "jmo-demo-"));

type Env = Record<string, string>;

function quoted(arg: string): string {
  return arg.includes(" ") || arg.includes("{") ? `'${arg}'` : arg;
}

/** Runs the binary; with `title`, prints the command line and what it printed. */
function run(env: Env, args: string[], title?: string): string {
  const result = new Deno.Command(binary, { args, env, clearEnv: true, cwd: env.HOME })
    .outputSync();
  const out = new TextDecoder().decode(result.stdout);
  const err = new TextDecoder().decode(result.stderr);
  if (title) {
    console.log(
      `\n$ jmo-telemetry ${args.map(quoted).join(" ")}   # ${title} (exit ${result.code})`,
    );
    if (err.trim()) console.log(err.trimEnd().split("\n").map((l) => `  stderr| ${l}`).join("\n"));
    if (out.trim()) console.log(out.trimEnd());
  }
  if (result.code !== 0) throw new Error(`jmo-telemetry ${args[0]} exited ${result.code}: ${err}`);
  return out;
}

const PROFILES = ["balanced", "fast", "deep", "balanced", "slim", "fast"] as const;

/** The five events of one scan, varied a little per install. */
function scanOf(install: number): [string, unknown][] {
  const profile = PROFILES[install % PROFILES.length];
  const failing = install % 2 === 0;
  return [
    ["scan.started", {
      profile,
      tools: ["trufflehog", "semgrep", "trivy"],
      target_types: {
        repos: 1 + install % 3,
        images: install % 2,
        urls: 0,
        iac: 0,
        gitlab: 0,
        k8s: 0,
      },
    }],
    ...(failing
      ? [["tool.failed", { tool: "trivy", failure_type: "timeout", exit_code: null, profile }] as [
        string,
        unknown,
      ]]
      : []),
    ["scan.completed", {
      profile,
      duration_seconds: 120 + install * 240,
      tools_succeeded: failing ? 2 : 3,
      tools_failed: failing ? 1 : 0,
      total_findings: [0, 7, 37, 140, 1200, 12][install % 6],
    }],
    ["report.generated", {
      output_formats: ["json", "md", "html", "sarif"],
      findings_bucket: "10-100",
      suppressions_used: install % 3 === 0,
      compliance_enabled: true,
    }],
    ["wizard.completed", {
      profile_selected: profile,
      execution_mode: install % 2 ? "docker" : "native",
      artifact_generated: "makefile",
      duration_seconds: 120,
    }],
  ];
}

/**
 * Plays two runs of one install: the first shows the notice, and nothing
 * leaves before the second; the first install is shown command by command.
 */
function playInstall(install: number, endpoint: string): void {
  const env: Env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: join(sandbox, `install-${install}`),
    DOCKER_CONTAINER: "0",
    JMO_TELEMETRY_ENDPOINT: endpoint,
  };
  Deno.mkdirSync(env.HOME);
  const shown = install === 0;
  for (const scan of ["first run", "next run"]) {
    for (const [event, metadata] of scanOf(install)) {
      const args = ["track", event, "--meta", JSON.stringify(metadata), "--tool-version", "1.0.1"];
      run(
        env,
        [...args, "--python-version", install % 2 ? "3.12" : "3.11"],
        shown ? `the host records ${event} (the user's ${scan})` : undefined,
      );
    }
  }
  if (shown) run(env, ["show"], "what this install would send");
  run(env, ["flush"], shown ? "deliver the spool into the local collector" : undefined);
  if (shown) run(env, ["status"], "the client's state after delivery");
}

const collector = await startCollector({ dataDir: join(sandbox, "collector-d1") });
try {
  console.log(`The collector Worker runs on workerd at ${collector.url} (D1 in ${sandbox}).`);
  console.log(`A JMo Security scan, played through ${binary}:`);
  playInstall(0, collector.eventsUrl);
  for (let install = 1; install < 6; install++) playInstall(install, collector.eventsUrl);
  console.log(
    "\nFive more installs scanned and flushed. The collector's daily job (run now) releases the\n" +
      "public numbers: coarse counts, and no group of fewer than 10 installs, so six installs\n" +
      "show little. What the collector serves publicly:",
  );
  await collector.runScheduled();
  console.log("\n$ curl " + `${collector.url}/v1/stats`);
  console.log(JSON.stringify(await (await fetch(`${collector.url}/v1/stats`)).json(), null, 2));
  const maintainer: Env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: sandbox,
    JMO_TELEMETRY_ADMIN_TOKEN: collector.adminToken,
  };
  run(maintainer, ["view", "--source", collector.url], "the maintainers' dashboard");
} finally {
  await collector.stop();
  rmSync(sandbox, { recursive: true, force: true });
}
