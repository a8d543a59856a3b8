/**
 * `deno task build:pypi`: compiles the five release binaries (as
 * `compile:all` does), then writes into `dist/pypi/` one wheel per binary,
 * the `py3-none-any` wheel and the sdist. Runs offline.
 *
 * @module
 */

import { join } from "node:path";
import { compileAll, RELEASE_TARGETS } from "./compile_all.ts";
import { buildAnyWheel, buildPlatformWheel, buildSdist } from "./pypi/mod.ts";

/**
 * Writes every Python distribution into `outDir` from the release binaries
 * in `distDir`; returns their paths.
 *
 * @example
 * ```ts
 * import { buildPypi } from "./build_pypi.ts";
 * buildPypi("dist", "dist/pypi");
 * ```
 */
export function buildPypi(distDir: string, outDir: string): string[] {
  return [
    ...RELEASE_TARGETS.map(({ file }) => buildPlatformWheel(join(distDir, file), outDir)),
    buildAnyWheel(outDir),
    buildSdist(outDir),
  ];
}

if (import.meta.main) {
  const root = join(import.meta.dirname ?? ".", "..");
  for (const { file } of compileAll(join(root, "dist"))) console.log(`built dist/${file}`);
  for (const path of buildPypi(join(root, "dist"), join(root, "dist", "pypi"))) {
    console.log(`wrote ${path.slice(root.length + 1)}`);
  }
}
