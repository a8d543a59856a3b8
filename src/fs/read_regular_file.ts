/**
 * Reading a small file only when it is a regular file: a FIFO, a device
 * (`/dev/zero`), a folder or a huge file in place of a state, config or
 * metadata file must never hang a run of the host tool or fill its memory.
 *
 * @module
 */

import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/** The most a state, config or metadata file may hold: 1 MiB. */
export const MAX_REGULAR_FILE_BYTES = 1024 * 1024;

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** An error with a file-system code, as `node:fs` throws them. */
function codedError(code: string, what: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${what}, '${path}'`), { code, path });
}

/**
 * The bytes of the open file up to its end (or up to `sizeHint`, its size
 * when opened, once that much is read), or `undefined` when it holds more
 * than `maxBytes`. A file of `/proc` says 0 and still has content: it is read
 * to its end.
 */
function readUpTo(fd: number, sizeHint: number, maxBytes: number): Uint8Array | undefined {
  // Room for one byte more than allowed tells a file that grew past the cap.
  let buffer = new Uint8Array(Math.min(Math.max(sizeHint + 1, 4096), maxBytes + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return undefined;
      const grown = new Uint8Array(Math.min(buffer.length * 2, maxBytes + 1));
      grown.set(buffer);
      buffer = grown;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
    // The common case: all the size it was opened with is read, no second read to find the end.
    if (sizeHint > 0 && length === sizeHint) return buffer.subarray(0, length);
  }
}

/**
 * Reads `path` as UTF-8 text (a leading byte-order mark is kept) when it is
 * a regular file of at most 1 MiB. It is opened without
 * blocking (a FIFO with no writer opens at once) and checked on the open
 * descriptor, so nothing can swap it in between. Throws an error with a
 * `code`: the system's (`ENOENT`, `EACCES`, ...), `EISDIR` for a folder,
 * `EFTYPE` for any other kind of file (FIFO, device, socket), `ETOOLARGE`
 * when it holds more than 1 MiB.
 *
 * @example
 * ```ts
 * import { readRegularFile } from "./read_regular_file.ts";
 * try {
 *   readRegularFile("/tmp/jmo-home/scan-count");
 * } catch (error) {
 *   // (error as { code?: string }).code: "ENOENT", "EFTYPE", "ETOOLARGE", ...
 * }
 * ```
 */
export function readRegularFile(path: string): string {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw codedError("EISDIR", "is a folder", path);
    if (!stat.isFile()) throw codedError("EFTYPE", "not a regular file", path);
    const max = MAX_REGULAR_FILE_BYTES;
    const bytes = stat.size > max ? undefined : readUpTo(fd, stat.size, max);
    if (bytes === undefined) throw codedError("ETOOLARGE", "larger than 1 MiB", path);
    return decoder.decode(bytes);
  } finally {
    closeSync(fd);
  }
}
