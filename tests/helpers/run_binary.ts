/**
 * Running the compiled `dist/jmo-telemetry` as a real process, in a clean
 * environment and a temporary home, as the host tool would.
 *
 * @module
 */

import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { processesWithEnv, waitUntil } from "./background_processes.ts";

/** The repository root. */
export const ROOT: string = fileURLToPath(new URL("../../", import.meta.url));
/** The compiled binary under test. */
export const BINARY: string = join(ROOT, "dist", "jmo-telemetry");

/** What a run of the binary gave. */
export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temporary install: a home directory and a working directory, both empty. */
export interface Sandbox {
  /** The temporary HOME. */
  home: string;
  /** The state directory inside it (`~/.jmo-security`). */
  stateDir: string;
  /** An empty working directory (where `jmo.yml` is looked for). */
  cwd: string;
  /** The clean environment for the binary: PATH, HOME, DOCKER_CONTAINER=0, plus extras. */
  env(extra?: Record<string, string>): Record<string, string>;
  /** Runs the binary with these arguments. */
  run(args: string[], options?: RunOptions): Promise<RunResult>;
  /** Removes the sandbox. */
  remove(): Promise<void>;
}

/** Options of one run. */
export interface RunOptions {
  env?: Record<string, string>;
  stdin?: string;
  cwd?: string;
  /** A command and its arguments to run the binary through (`faketime`, `prlimit`, `strace`, `unshare`). */
  wrapper?: string[];
}

/**
 * The clean environment every test gives the binary: no CI marker (CI runs
 * the suite with CI=true), no inherited variable, DOCKER_CONTAINER=0
 * because the build machine itself has a /.dockerenv, and a collector
 * endpoint on a closed local port, so that no test ever delivers to the real one.
 */
export function cleanEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    HOME: home,
    DOCKER_CONTAINER: "0",
    JMO_TELEMETRY_ENDPOINT: "http://127.0.0.1:9/v1/events",
    ...extra,
  };
}

/**
 * Runs the binary (or `options.binary`, another build of it), through
 * `options.wrapper` when given, and collects its exit code and output.
 *
 * @example
 * ```ts
 * import { runBinary } from "./run_binary.ts";
 * const r = await runBinary(["--version"], { env: { PATH: "/usr/bin" }, cwd: "/tmp" });
 * ```
 */
export async function runBinary(
  args: string[],
  options: {
    env: Record<string, string>;
    cwd: string;
    stdin?: string;
    binary?: string;
    wrapper?: string[];
  },
): Promise<RunResult> {
  const [command, ...commandArgs] = [...options.wrapper ?? [], options.binary ?? BINARY, ...args];
  const child = new Deno.Command(command, {
    args: commandArgs,
    env: options.env,
    clearEnv: true,
    cwd: options.cwd,
    stdin: options.stdin === undefined ? "null" : "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const writer = child.stdin.getWriter();
    await writer.write(new TextEncoder().encode(options.stdin));
    await writer.close();
  }
  const out = await child.output();
  const decoder = new TextDecoder();
  return { code: out.code, stdout: decoder.decode(out.stdout), stderr: decoder.decode(out.stderr) };
}

/**
 * Makes a sandbox: a temporary HOME and working directory.
 *
 * @example
 * ```ts
 * import { makeSandbox } from "./run_binary.ts";
 * const box = await makeSandbox();
 * const r = await box.run(["status", "--json"]);
 * await box.remove();
 * ```
 */
export async function makeSandbox(): Promise<Sandbox> {
  const root = await Deno.makeTempDir({ prefix: "jmo-test-" });
  const home = join(root, "home");
  const cwd = join(root, "work");
  await Deno.mkdir(home);
  await Deno.mkdir(cwd);
  return {
    home,
    stateDir: join(home, ".jmo-security"),
    cwd,
    env: (extra) => cleanEnv(home, extra),
    run: (args, options = {}) =>
      runBinary(args, {
        env: cleanEnv(home, options.env),
        cwd: options.cwd ?? cwd,
        stdin: options.stdin,
        wrapper: options.wrapper,
      }),
    // A background flush that a `track` started may still be writing there.
    remove: async () => {
      await waitUntil(() => processesWithEnv("HOME", home).length === 0, `the flushes in ${home}`);
      await Deno.remove(root, { recursive: true });
    },
  };
}

/** Metadata of each event that passes validation, for tests that need a valid event. */
export const VALID_METADATA: Record<string, Record<string, unknown>> = {
  "scan.started": {
    profile: "balanced",
    tools: ["trivy", "semgrep"],
    target_types: { repos: 2, images: 1, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
  },
  "scan.completed": {
    profile: "balanced",
    duration_seconds: 420,
    tools_succeeded: 2,
    tools_failed: 0,
    total_findings: 12,
  },
  "tool.failed": { tool: "trivy", failure_type: "timeout", exit_code: null, profile: "balanced" },
  "wizard.completed": {
    profile_selected: "fast",
    execution_mode: "native",
    artifact_generated: "makefile",
    duration_seconds: 95,
  },
  "report.generated": {
    output_formats: ["json", "html"],
    findings_bucket: "10-100",
    suppressions_used: false,
    compliance_enabled: true,
  },
  "policy.evaluated": {
    policy_count: 2,
    violations_bucket: "1-5",
    evaluation_time_bucket: "<50ms",
    policies: ["owasp-top-10", "zero-secrets"],
    passed_count: 1,
    failed_count: 1,
  },
};

/** The arguments of `track` for a valid event. */
export function trackArgs(event: string, extra: string[] = []): string[] {
  return ["track", event, "--meta", JSON.stringify(VALID_METADATA[event]), ...extra];
}
