/**
 * `npm start`: plays a JMo Security scan through the compiled binary in a
 * temporary home, then shows what the client recorded.
 *
 * @module
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";

const root = join(import.meta.dirname ?? ".", "..");
const binary = join(root, "dist", "jmo-telemetry");

/** A temporary install where the demo runs, so the user's own home is never touched. */
const sandbox = mkdtempSync(join(tmpdir(), "jmo-demo-"));
const env: Record<string, string> = {
  PATH: process.env.PATH ?? "/usr/bin:/bin",
  HOME: sandbox,
  DOCKER_CONTAINER: "0",
  JMO_TELEMETRY_ENDPOINT: "http://127.0.0.1:9/v1/events",
};

function run(title: string, args: string[]): string {
  const result = new Deno.Command(binary, { args, env, clearEnv: true, cwd: sandbox }).outputSync();
  const out = new TextDecoder().decode(result.stdout);
  const err = new TextDecoder().decode(result.stderr);
  console.log(
    `\n$ jmo-telemetry ${
      args.map((a) => (a.includes(" ") || a.includes("{") ? `'${a}'` : a)).join(" ")
    }   # ${title} (exit ${result.code})`,
  );
  if (err.trim()) console.log(err.trimEnd().split("\n").map((l) => `  stderr| ${l}`).join("\n"));
  if (out.trim()) console.log(out.trimEnd());
  if (result.code !== 0) throw new Error(`${args[0]} exited ${result.code}`);
  return out;
}

const scan = [
  ["scan.started", {
    profile: "balanced",
    tools: ["trufflehog", "semgrep", "trivy"],
    target_types: { repos: 3, images: 1, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
  }],
  ["tool.failed", { tool: "trivy", failure_type: "timeout", exit_code: null, profile: "balanced" }],
  ["scan.completed", {
    profile: "balanced",
    duration_seconds: 512,
    tools_succeeded: 2,
    tools_failed: 1,
    total_findings: 37,
  }],
  ["report.generated", {
    output_formats: ["json", "md", "html", "sarif"],
    findings_bucket: "10-100",
    suppressions_used: true,
    compliance_enabled: true,
  }],
  ["wizard.completed", {
    profile_selected: "balanced",
    execution_mode: "native",
    artifact_generated: "makefile",
    duration_seconds: 120,
  }],
] as const;

try {
  console.log(`A JMo Security scan, played through ${binary}, in the temporary home ${sandbox}`);
  for (const [event, metadata] of scan) {
    run(`the host records ${event}`, [
      "track",
      event,
      "--meta",
      JSON.stringify(metadata),
      "--tool-version",
      "1.0.1",
      "--python-version",
      "3.11",
    ]);
  }
  run("what this install would send", ["show"]);
  run("the client's state", ["status"]);
} finally {
  rmSync(sandbox, { recursive: true, force: true });
}
