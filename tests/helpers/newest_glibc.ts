/**
 * The newest glibc symbol version an ELF binary needs, as `objdump -T`
 * lists its dynamic symbols: a second tool's reading, to check the wheel
 * tags that `readelf` gave the build.
 *
 * @module
 */

/**
 * `[major, minor]` of the newest `GLIBC_x.y` in `objdump -T binary`.
 *
 * @example
 * ```ts
 * import { newestGlibc } from "./newest_glibc.ts";
 * newestGlibc("dist/jmo-telemetry"); // [2, 17]
 * ```
 */
export function newestGlibc(binary: string): [number, number] {
  const out = new Deno.Command("objdump", { args: ["-T", binary], stdout: "piped" }).outputSync();
  if (!out.success) throw new Error(`objdump -T failed on ${binary}`);
  const versions = [...new TextDecoder().decode(out.stdout).matchAll(/GLIBC_(\d+)\.(\d+)/g)]
    .map((m): [number, number] => [Number(m[1]), Number(m[2])])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (versions.length === 0) throw new Error(`${binary} lists no GLIBC symbol version`);
  return versions[versions.length - 1];
}
