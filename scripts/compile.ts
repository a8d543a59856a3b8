/**
 * `deno task compile`: builds the host's `dist/jmo-telemetry` with `bun build --compile`.
 *
 * @module
 */

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import process from "node:process";

const root = join(import.meta.dirname ?? ".", "..");
const bun = join(root, "node_modules", ".bin", process.platform === "win32" ? "bun.exe" : "bun");

/** The flags every build of the binary shares, so benchmarks can compile a baseline alike. */
export const COMPILE_FLAGS = [
  "build",
  "--compile",
  "--minify",
  "--bytecode",
  "--format=esm",
  "--splitting",
];

/**
 * Compiles an entry file to a single executable with Bun. `bytecode: false`
 * leaves out the precompiled bytecode (the benchmark measures what it saves).
 *
 * @example
 * ```ts
 * import { compile } from "./compile.ts";
 * compile("src/cli/bin.ts", "dist/jmo-telemetry");
 * ```
 */
export function compile(entry: string, outfile: string, target?: string, bytecode = true): void {
  const flags = bytecode ? COMPILE_FLAGS : COMPILE_FLAGS.filter((flag) => flag !== "--bytecode");
  const args = [...flags, join(root, entry), "--outfile", join(root, outfile)];
  if (target) args.push(`--target=${target}`);
  const result = spawnSync(bun, args, { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`bun build failed for ${entry} (${target ?? "host"}), exit ${result.status}`);
  }
}

if (import.meta.main) {
  compile("src/cli/bin.ts", "dist/jmo-telemetry");
  console.log("built dist/jmo-telemetry");
}
