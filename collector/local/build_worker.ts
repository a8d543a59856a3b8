/**
 * Bundles the Worker (`collector/src/worker.ts` and the event schemas it
 * imports) into one ES module with Bun, as Miniflare needs JavaScript.
 *
 * @module
 */

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, where `node_modules` is. */
export const REPO_ROOT: string = fileURLToPath(new URL("../../", import.meta.url));
/** The Worker's entry module. */
export const WORKER_ENTRY: string = fileURLToPath(new URL("../src/worker.ts", import.meta.url));

function bunExecutable(): string {
  const local = join(REPO_ROOT, "node_modules", ".bin", "bun");
  return existsSync(local) ? local : "bun";
}

function runBunBuild(): Promise<string> {
  const args = ["build", WORKER_ENTRY, "--target=browser", "--format=esm"];
  return new Promise((resolve, reject) => {
    execFile(
      bunExecutable(),
      args,
      { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`bun build of the collector failed: ${stderr || error}`));
        else resolve(stdout);
      },
    );
  });
}

let bundled: Promise<string> | undefined;

/**
 * The Worker as one ES module's source text. Built once per process.
 *
 * @example
 * ```ts
 * import { bundleWorker } from "./build_worker.ts";
 * const script = await bundleWorker();
 * script.includes("export {"); // true
 * ```
 */
export function bundleWorker(): Promise<string> {
  bundled ??= runBunBuild().catch((error) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}
