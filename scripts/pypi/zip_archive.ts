/**
 * A zip archive written by hand (deflate from `node:zlib`), as wheels are:
 * fixed 1980 timestamps so the same input gives the same bytes, and Unix
 * modes in the external attributes so a binary keeps its run bit.
 *
 * @module
 */

import { deflateRawSync } from "node:zlib";

/** One file of an archive. */
export interface ArchiveEntry {
  /** Its path inside the archive, with `/` separators. */
  path: string;
  /** Its bytes. */
  data: Uint8Array;
  /** Its Unix permission bits (default 0o644). */
  mode?: number;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * The CRC-32 of some bytes, as zip and gzip store it.
 *
 * @example
 * ```ts
 * import { crc32 } from "./zip_archive.ts";
 * crc32(new TextEncoder().encode("123456789")).toString(16); // "cbf43926"
 * ```
 */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** 1980-01-01 00:00 in DOS date format, the earliest zip can hold. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const VERSION = 20;
const MADE_BY_UNIX = (3 << 8) | VERSION;
const REGULAR_FILE = 0o100000;

function header(size: number, fill: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(size);
  fill(new DataView(bytes.buffer));
  return bytes;
}

/**
 * The bytes of a zip archive holding `entries` in their order, each
 * deflated. Archives and files must stay under 4 GiB (no zip64).
 *
 * @example
 * ```ts
 * import { zipArchive } from "./zip_archive.ts";
 * const zip = zipArchive([{ path: "a.txt", data: new TextEncoder().encode("a") }]);
 * zip[0] === 0x50 && zip[1] === 0x4b; // true: "PK"
 * ```
 */
export function zipArchive(entries: readonly ArchiveEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.path);
    const packed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const common = (view: DataView, at: number) => {
      view.setUint16(at, VERSION, true);
      view.setUint16(at + 2, UTF8_NAMES, true);
      view.setUint16(at + 4, DEFLATE, true);
      view.setUint16(at + 6, 0, true);
      view.setUint16(at + 8, DOS_DATE, true);
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, packed.length, true);
      view.setUint32(at + 18, entry.data.length, true);
      view.setUint16(at + 22, name.length, true);
      view.setUint16(at + 24, 0, true);
    };
    const local = header(30, (view) => {
      view.setUint32(0, 0x04034b50, true);
      common(view, 4);
    });
    central.push(
      header(46, (view) => {
        view.setUint32(0, 0x02014b50, true);
        view.setUint16(4, MADE_BY_UNIX, true);
        common(view, 6);
        view.setUint32(38, ((REGULAR_FILE | (entry.mode ?? 0o644)) << 16) >>> 0, true);
        view.setUint32(42, offset, true);
      }),
      name,
    );
    parts.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = header(22, (view) => {
    view.setUint32(0, 0x06054b50, true);
    view.setUint16(8, entries.length, true);
    view.setUint16(10, entries.length, true);
    view.setUint32(12, centralSize, true);
    view.setUint32(16, offset, true);
  });
  return concat([...parts, ...central, end]);
}

/**
 * Joins byte arrays into one.
 *
 * @example
 * ```ts
 * import { concat } from "./zip_archive.ts";
 * concat([new Uint8Array([1]), new Uint8Array([2])]); // Uint8Array [1, 2]
 * ```
 */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
