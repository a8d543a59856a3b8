/**
 * Item 7: the size of the binary for each release target, as built by
 * `deno task compile:all`, and gzipped (what a download of it costs).
 *
 * @module
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { compileAll } from "../scripts/compile_all.ts";
import type { ResultRow } from "./result_row.ts";

const ROOT = join(import.meta.dirname ?? ".", "..");
const MIB = 1024 * 1024;

/**
 * Cross-compiles every target into `dist/` and reports each binary's size.
 *
 * @example
 * ```ts
 * import { benchBinarySizes } from "./binary_sizes.ts";
 * const rows = await benchBinarySizes();
 * rows[0].item; // "binary size, jmo-telemetry-linux-x64"
 * ```
 */
export function benchBinarySizes(): Promise<ResultRow[]> {
  const rows = compileAll("dist").map(({ file }): ResultRow => {
    const bytes = readFileSync(join(ROOT, "dist", file));
    const gzipped = gzipSync(bytes).length;
    return {
      item: `binary size, ${file}`,
      figure: `${(bytes.length / MIB).toFixed(1)} MiB`,
      detail: `${bytes.length} B; gzipped ${(gzipped / MIB).toFixed(1)} MiB`,
      target: "reported",
      holds: true,
    };
  });
  return Promise.resolve(rows);
}

if (import.meta.main) {
  for (const row of await benchBinarySizes()) {
    console.log(`${row.item}: ${row.figure} (${row.detail})`);
  }
}
