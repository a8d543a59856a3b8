/**
 * Cheap access to the process's standard streams. In a Bun-compiled binary,
 * touching `process.stdout` or `process.stdin` builds stream objects that
 * cost more than the whole of `track`; plain file-descriptor writes and a
 * lazily loaded `isatty` do not.
 *
 * @module
 */

import { writeSync } from "node:fs";
import { createRequire } from "node:module";

const pause = new Int32Array(new SharedArrayBuffer(4));
const encoder = new TextEncoder();

/**
 * Writes all of `text` to a file descriptor, waiting out a full non-blocking
 * pipe; a reader that went away (`EPIPE`) ends the output silently.
 *
 * @example
 * ```ts
 * import { writeAll } from "./process_io.ts";
 * writeAll(1, "hello\n");
 * ```
 */
export function writeAll(fd: number, text: string): void {
  const bytes = encoder.encode(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EPIPE") return;
      if (code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

/**
 * Writes diagnostics, giving up silently when the descriptor cannot take them
 * (standard error on a full disk, say): the host tool must never fail
 * because this client had nowhere to complain.
 *
 * @example
 * ```ts
 * import { writeBestEffort } from "./process_io.ts";
 * writeBestEffort(2, "jmo-telemetry: event not recorded\n");
 * ```
 */
export function writeBestEffort(fd: number, text: string): void {
  try {
    writeAll(fd, text);
  } catch { /* nowhere left to say it */ }
}

let ttyModule: { isatty(fd: number): boolean } | undefined;

/**
 * Whether a file descriptor is a terminal; loads `node:tty` on first use only.
 *
 * @example
 * ```ts
 * import { isTerminal } from "./process_io.ts";
 * if (isTerminal(2)) console.error("on a terminal");
 * ```
 */
export function isTerminal(fd: number): boolean {
  ttyModule ??= createRequire(import.meta.url)("node:tty") as { isatty(fd: number): boolean };
  return ttyModule.isatty(fd);
}
