/**
 * A gzipped POSIX (ustar) tar archive, as an sdist is: fixed timestamps and
 * owners so the same input gives the same bytes.
 *
 * @module
 */

import { gzipSync } from "node:zlib";
import { type ArchiveEntry, concat } from "./zip_archive.ts";

const BLOCK = 512;

function field(bytes: Uint8Array, at: number, length: number, text: string): void {
  const encoded = new TextEncoder().encode(text);
  if (encoded.length > length) throw new Error(`tar field too long: ${text}`);
  bytes.set(encoded, at);
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, "0") + "\0";
}

function tarHeader(path: string, size: number, mode: number): Uint8Array {
  const bytes = new Uint8Array(BLOCK);
  const slash = path.length > 100 ? path.lastIndexOf("/", 155) : -1;
  field(bytes, 0, 100, slash === -1 ? path : path.slice(slash + 1));
  field(bytes, 100, 8, octal(mode, 8));
  field(bytes, 108, 8, octal(0, 8));
  field(bytes, 116, 8, octal(0, 8));
  field(bytes, 124, 12, octal(size, 12));
  field(bytes, 136, 12, octal(0, 12));
  field(bytes, 148, 8, "        ");
  field(bytes, 156, 1, "0");
  field(bytes, 257, 8, "ustar\u000000");
  if (slash !== -1) field(bytes, 345, 155, path.slice(0, slash));
  const sum = bytes.reduce((total, byte) => total + byte, 0);
  field(bytes, 148, 8, sum.toString(8).padStart(6, "0") + "\0 ");
  return bytes;
}

/**
 * The bytes of a `.tar.gz` holding `entries` in their order.
 *
 * @example
 * ```ts
 * import { tarGz } from "./tar_gz.ts";
 * const archive = tarGz([{ path: "pkg-1.0/PKG-INFO", data: new TextEncoder().encode("x") }]);
 * archive[0] === 0x1f && archive[1] === 0x8b; // true: gzip
 * ```
 */
export function tarGz(entries: readonly ArchiveEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const entry of entries) {
    parts.push(tarHeader(entry.path, entry.data.length, entry.mode ?? 0o644), entry.data);
    const padding = (BLOCK - (entry.data.length % BLOCK)) % BLOCK;
    parts.push(new Uint8Array(padding));
  }
  parts.push(new Uint8Array(BLOCK * 2));
  return gzipSync(concat(parts));
}
