/**
 * `deno task compile:all`: cross-compiles the binary for the five release
 * platforms with Bun and writes `dist/SHA256SUMS` (in `sha256sum` format).
 *
 * @module
 */

import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { compile } from "./compile.ts";

const ROOT = join(import.meta.dirname ?? ".", "..");

/** One release platform: Bun's target and the file name in `dist/`. */
export interface ReleaseTarget {
  /** Bun's `--target`. */
  bunTarget: string;
  /** The file written in `dist/`. */
  file: string;
}

/** The five release platforms. */
export const RELEASE_TARGETS: readonly ReleaseTarget[] = [
  { bunTarget: "bun-linux-x64", file: "jmo-telemetry-linux-x64" },
  { bunTarget: "bun-linux-arm64", file: "jmo-telemetry-linux-arm64" },
  { bunTarget: "bun-darwin-x64", file: "jmo-telemetry-darwin-x64" },
  { bunTarget: "bun-darwin-arm64", file: "jmo-telemetry-darwin-arm64" },
  { bunTarget: "bun-windows-x64", file: "jmo-telemetry-windows-x64.exe" },
];

/**
 * The SHA-256 of a file, as lowercase hex.
 *
 * @example
 * ```ts
 * import { sha256File } from "./compile_all.ts";
 * sha256File("dist/jmo-telemetry-linux-x64"); // "9f86d0…"
 * ```
 */
export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * The text of a `SHA256SUMS` file: `<hex>  <name>` per line, as
 * `sha256sum` writes and `sha256sum -c` reads.
 *
 * @example
 * ```ts
 * import { sha256SumsText } from "./compile_all.ts";
 * sha256SumsText([{ file: "a", sha256: "00" }]); // "00  a\n"
 * ```
 */
export function sha256SumsText(entries: readonly { file: string; sha256: string }[]): string {
  return entries.map(({ file, sha256 }) => `${sha256}  ${file}\n`).join("");
}

/**
 * Compiles every release target into `distDir` (relative to the repository
 * root, or absolute) and writes its `SHA256SUMS`.
 *
 * @example
 * ```ts
 * import { compileAll } from "./compile_all.ts";
 * compileAll("dist");
 * ```
 */
export function compileAll(distDir: string): { file: string; sha256: string }[] {
  const dir = resolve(ROOT, distDir);
  const entries = RELEASE_TARGETS.map(({ bunTarget, file }) => {
    compile("src/cli/bin.ts", relative(ROOT, join(dir, file)), bunTarget);
    return { file, sha256: sha256File(join(dir, file)) };
  });
  writeFileSync(join(dir, "SHA256SUMS"), sha256SumsText(entries));
  return entries;
}

if (import.meta.main) {
  for (const { file } of compileAll("dist")) console.log(`built dist/${file}`);
  console.log("wrote dist/SHA256SUMS");
}
