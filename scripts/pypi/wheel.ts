/**
 * A wheel (PEP 427) written directly: the package's files, then
 * `.dist-info/` with `METADATA`, `WHEEL`, `entry_points.txt`, the license
 * and `RECORD`, whose hashes are those of the bytes written.
 *
 * @module
 */

import { createHash } from "node:crypto";
import { type ArchiveEntry, zipArchive } from "./zip_archive.ts";

/** What a wheel holds and how it is tagged. */
export interface WheelSpec {
  /** The distribution name, normalised for file names (`jmo_telemetry`). */
  name: string;
  version: string;
  /** Platform tags (`manylinux_2_17_x86_64`, `any`, ...): the file name joins them with dots. */
  platforms: readonly string[];
  /** The files installed into site-packages. */
  files: readonly ArchiveEntry[];
  /** The `METADATA` text. */
  metadata: string;
  /** The `entry_points.txt` text. */
  entryPoints: string;
  /** The license text, stored as `.dist-info/LICENSE`. */
  license: string;
}

/**
 * A `RECORD` line's hash of some bytes: `sha256=` and the unpadded
 * URL-safe base64 of the digest.
 *
 * @example
 * ```ts
 * import { recordHash } from "./wheel.ts";
 * recordHash(new Uint8Array()); // "sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"
 * ```
 */
export function recordHash(data: Uint8Array): string {
  return `sha256=${createHash("sha256").update(data).digest("base64url")}`;
}

/**
 * The wheel's file name: `{name}-{version}-py3-none-{platforms joined by dots}.whl`.
 *
 * @example
 * ```ts
 * import { wheelFileName } from "./wheel.ts";
 * wheelFileName("jmo_telemetry", "0.1.0", ["win_amd64"]); // "jmo_telemetry-0.1.0-py3-none-win_amd64.whl"
 * ```
 */
export function wheelFileName(name: string, version: string, platforms: readonly string[]): string {
  return `${name}-${version}-py3-none-${platforms.join(".")}.whl`;
}

/**
 * The bytes of a wheel. A wheel tagged `any` is pure (`Root-Is-Purelib: true`).
 *
 * @example
 * ```ts
 * import { wheelBytes } from "./wheel.ts";
 * const wheel = wheelBytes({ name: "demo", version: "1.0", platforms: ["any"], files: [],
 *   metadata: "Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n", entryPoints: "", license: "MIT" });
 * ```
 */
export function wheelBytes(spec: WheelSpec): Uint8Array {
  const text = (value: string) => new TextEncoder().encode(value);
  const info = `${spec.name}-${spec.version}.dist-info`;
  const pure = spec.platforms.length === 1 && spec.platforms[0] === "any";
  const wheel = [
    "Wheel-Version: 1.0",
    "Generator: jmo-telemetry scripts/build_pypi.ts",
    `Root-Is-Purelib: ${pure}`,
    ...spec.platforms.map((platform) => `Tag: py3-none-${platform}`),
    "",
  ].join("\n");
  const entries: ArchiveEntry[] = [
    ...spec.files,
    { path: `${info}/METADATA`, data: text(spec.metadata) },
    { path: `${info}/WHEEL`, data: text(wheel) },
    { path: `${info}/entry_points.txt`, data: text(spec.entryPoints) },
    { path: `${info}/LICENSE`, data: text(spec.license) },
  ];
  const record = [
    ...entries.map((entry) => `${entry.path},${recordHash(entry.data)},${entry.data.length}`),
    `${info}/RECORD,,`,
    "",
  ].join("\n");
  return zipArchive([...entries, { path: `${info}/RECORD`, data: text(record) }]);
}
