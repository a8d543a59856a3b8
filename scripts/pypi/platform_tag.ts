/**
 * The wheel platform tag a compiled binary needs, read from the binary
 * itself: ELF (the newest glibc symbol version it uses, listed by
 * `readelf`), Mach-O (the minimum macOS in its load commands) or PE.
 *
 * @module
 */

import { closeSync, openSync, readSync } from "node:fs";

const HEAD_BYTES = 65536;

function head(path: string): DataView {
  const bytes = new Uint8Array(HEAD_BYTES);
  const fd = openSync(path, "r");
  try {
    const read = readSync(fd, bytes, 0, HEAD_BYTES, 0);
    return new DataView(bytes.buffer, 0, read);
  } finally {
    closeSync(fd);
  }
}

/**
 * The newest `GLIBC_x.y` version among the symbol versions an ELF file
 * needs, as `readelf -V` lists them; `undefined` when it needs none.
 *
 * @example
 * ```ts
 * import { glibcFromReadelf } from "./platform_tag.ts";
 * glibcFromReadelf("  0x0010:   Name: GLIBC_2.17  Flags: none\n  Name: GLIBC_2.3.4\n"); // [2, 17]
 * ```
 */
export function glibcFromReadelf(listing: string): [number, number] | undefined {
  let newest: [number, number] | undefined;
  for (const match of listing.matchAll(/\bGLIBC_(\d+)\.(\d+)(?:\.\d+)?\b/g)) {
    const version: [number, number] = [Number(match[1]), Number(match[2])];
    if (
      newest === undefined || version[0] > newest[0] ||
      (version[0] === newest[0] && version[1] > newest[1])
    ) newest = version;
  }
  return newest;
}

/**
 * The manylinux tags for a glibc requirement and architecture: the PEP 600
 * tag, and the manylinux2014 alias older pips know when the requirement
 * allows it.
 *
 * @example
 * ```ts
 * import { manylinuxTags } from "./platform_tag.ts";
 * manylinuxTags([2, 17], "aarch64"); // ["manylinux_2_17_aarch64", "manylinux2014_aarch64"]
 * manylinuxTags([2, 27], "x86_64"); // ["manylinux_2_27_x86_64"]
 * ```
 */
export function manylinuxTags(glibc: [number, number], arch: string): string[] {
  const tags = [`manylinux_${glibc[0]}_${glibc[1]}_${arch}`];
  if (glibc[0] === 2 && glibc[1] <= 17) tags.push(`manylinux2014_${arch}`);
  return tags;
}

/**
 * The oldest macOS a Mach-O file runs on, from its `LC_BUILD_VERSION` or
 * `LC_VERSION_MIN_MACOSX` load command, as `[major, minor]`.
 *
 * @example
 * ```ts
 * import { macosMinimum } from "./platform_tag.ts";
 * // macosMinimum(new DataView(Deno.readFileSync("dist/jmo-telemetry-darwin-arm64").buffer)); // [11, 0]
 * ```
 */
export function macosMinimum(file: DataView): [number, number] {
  const commands = file.getUint32(16, true);
  let at = 32;
  for (let i = 0; i < commands && at + 16 <= file.byteLength; i++) {
    const command = file.getUint32(at, true);
    const size = file.getUint32(at + 4, true);
    if (command === 0x32 || command === 0x24) {
      const version = file.getUint32(at + (command === 0x32 ? 12 : 8), true);
      return [version >>> 16, (version >>> 8) & 0xff];
    }
    at += size;
  }
  throw new Error("no LC_BUILD_VERSION or LC_VERSION_MIN_MACOSX in the Mach-O file's first 64 KiB");
}

const ELF_MACHINES: Record<number, string> = { 62: "x86_64", 183: "aarch64" };
const MACH_O_CPUS: Record<number, string> = { 0x01000007: "x86_64", 0x0100000c: "arm64" };
const PE_MACHINES: Record<number, string> = { 0x8664: "win_amd64", 0xaa64: "win_arm64" };

function named<T>(table: Record<number, T>, key: number, what: string): T {
  const value = table[key];
  if (value === undefined) throw new Error(`unsupported ${what} 0x${key.toString(16)}`);
  return value;
}

/**
 * The wheel platform tags of a compiled binary, read from the file; for ELF
 * `readelf` (binutils) lists the glibc symbol versions it needs.
 *
 * @example
 * ```ts
 * import { platformTags } from "./platform_tag.ts";
 * platformTags("dist/jmo-telemetry-darwin-arm64"); // ["macosx_11_0_arm64"]
 * ```
 */
export function platformTags(path: string): string[] {
  const file = head(path);
  if (file.getUint32(0, false) === 0x7f454c46) {
    const arch = named(ELF_MACHINES, file.getUint16(18, true), "ELF machine");
    const out = new Deno.Command("readelf", { args: ["-V", "--wide", path], stdout: "piped" })
      .outputSync();
    if (!out.success) throw new Error(`readelf -V failed on ${path}`);
    const glibc = glibcFromReadelf(new TextDecoder().decode(out.stdout));
    if (glibc === undefined) throw new Error(`${path} needs no glibc symbol version`);
    return manylinuxTags(glibc, arch);
  }
  if (file.getUint32(0, true) === 0xfeedfacf) {
    const arch = named(MACH_O_CPUS, file.getUint32(4, true), "Mach-O CPU");
    const [major, minor] = macosMinimum(file);
    return [`macosx_${major}_${major >= 11 ? 0 : minor}_${arch}`];
  }
  if (file.getUint16(0, false) === 0x4d5a) {
    const pe = file.getUint32(0x3c, true);
    return [named(PE_MACHINES, file.getUint16(pe + 4, true), "PE machine")];
  }
  throw new Error(`${path} is no ELF, Mach-O or PE executable`);
}
