/**
 * Starting a flush in a detached process with every standard stream closed,
 * so that `track` (and a host capturing its output) never waits on the network.
 *
 * @module
 */

import { spawn } from "node:child_process";
import process from "node:process";
import type { Environment } from "../settings/mod.ts";

/** What tells the runtimes apart. */
export interface RuntimeFacts {
  /** `process.execPath`: the runtime, or the compiled binary itself. */
  execPath: string;
  /** `process.argv`: the runtime, the script, then the arguments. */
  argv: readonly string[];
  /** Running under Deno. */
  deno: boolean;
}

/** The part of Deno's API that starts a process (typed here: the npm build knows no `Deno`). */
interface DenoSpawner {
  Command: new (command: string, options: {
    args: string[];
    cwd: string;
    env?: Record<string, string>;
    clearEnv?: boolean;
    detached: boolean;
    stdin: "null";
    stdout: "null";
    stderr: "null";
  }) => { spawn(): { unref(): void } };
}

/** Where Bun puts the entry point of a compiled binary (POSIX and Windows). */
const BUN_COMPILED = /^(\/\$bunfs\/|[A-Za-z]:[\\/]~BUN[\\/])/;

/**
 * The command line that runs `jmo-telemetry flush --background` again in
 * this runtime: the compiled binary itself; Deno with the CLI script; or
 * Node (or Bun) with the CLI script.
 *
 * @example
 * ```ts
 * import { backgroundFlushCommand } from "./start_background_flush.ts";
 * backgroundFlushCommand({
 *   execPath: "/usr/local/bin/jmo-telemetry", argv: ["bun", "/$bunfs/root/jmo-telemetry"], deno: false,
 * }, []);
 * // ["/usr/local/bin/jmo-telemetry", ["flush", "--background"]]
 * ```
 */
export function backgroundFlushCommand(
  runtime: RuntimeFacts,
  extraArgs: readonly string[],
): [string, string[]] {
  const args = ["flush", "--background", ...extraArgs];
  const script = runtime.argv[1] ?? "";
  if (BUN_COMPILED.test(script)) return [runtime.execPath, args];
  if (runtime.deno) return [runtime.execPath, ["run", "-A", script, ...args]];
  return [runtime.execPath, [script, ...args]];
}

/** Where and how the background flush runs. */
export interface BackgroundFlushOptions {
  /** Its environment (default: this process's, inherited whole). */
  env?: Environment;
  /** Its working directory. */
  cwd: string;
  /** `--config PATH`, when the caller was given one. */
  configPath?: string;
  /** The CLI to run under this runtime, when this process is not the CLI itself (a library host). */
  script?: string;
}

/**
 * Starts `flush --background` detached: its own process group, stdin,
 * stdout and stderr all `ignore`d, and not waited for. A failure to spawn
 * (no process to spare, a runtime that may not run programs) is swallowed:
 * delivery simply waits for a later run.
 *
 * @example
 * ```ts
 * import { startBackgroundFlush } from "./start_background_flush.ts";
 * startBackgroundFlush({ env: process.env, cwd: process.cwd(), configPath: undefined });
 * ```
 */
export function startBackgroundFlush(options: BackgroundFlushOptions): void {
  try {
    const argv = options.script === undefined ? process.argv : [process.execPath, options.script];
    const [command, args] = backgroundFlushCommand(
      { execPath: process.execPath, argv, deno: "Deno" in globalThis },
      options.configPath === undefined ? [] : ["--config", options.configPath],
    );
    const deno = (globalThis as { Deno?: DenoSpawner }).Deno;
    if (deno !== undefined) {
      // Deno's own API: its node:child_process reads variables (NODE_V8_COVERAGE)
      // that a narrow --allow-env list does not grant.
      const child = new deno.Command(command, {
        args,
        cwd: options.cwd,
        ...(options.env === undefined
          ? {}
          : { env: options.env as Record<string, string>, clearEnv: true }),
        detached: true,
        stdin: "null",
        stdout: "null",
        stderr: "null",
      }).spawn();
      child.unref();
      return;
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      ...(options.env === undefined ? {} : { env: options.env as Record<string, string> }),
      detached: true,
      stdio: "ignore",
      windowsHide: true,
    });
    child.on("error", () => {});
    child.unref();
  } catch { /* no process to spare: the next run tries again */ }
}
