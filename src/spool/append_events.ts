/**
 * Writing events into the spool, safely under `kill -9` and many writers.
 *
 * @module
 */

import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { makeName, spoolLayout } from "./layout.ts";

/** A segment is sealed once it holds this many events, so one segment never exceeds one batch. */
export const MAX_SEGMENT_EVENTS = 500;
/** A segment is sealed once it holds this many bytes. */
export const MAX_SEGMENT_BYTES = 128 * 1024;

/**
 * Appends events to the spool of one process. Lines go to a segment in
 * `open/` that only this writer writes; `seal` renames it into `ready/`,
 * where it is complete and can be claimed. A writer killed mid-line leaves a
 * torn last line, which readers skip; its segment is adopted once its process
 * is gone.
 *
 * @example
 * ```ts
 * import { SpoolWriter } from "./append_events.ts";
 * const writer = new SpoolWriter("/tmp/jmo-home");
 * writer.append('{"event":"scan.started"}');
 * writer.seal();
 * ```
 */
export class SpoolWriter {
  readonly #open: string;
  readonly #ready: string;
  #fd: number | undefined;
  #name = "";
  #events = 0;
  #bytes = 0;

  constructor(home: string) {
    const layout = spoolLayout(home);
    this.#open = layout.open;
    this.#ready = layout.ready;
  }

  /** Appends one event line (JSON without a newline); seals the segment when it is full. */
  append(line: string): void {
    if (this.#fd === undefined) this.#start();
    const bytes = writeSync(this.#fd!, line + "\n");
    this.#events += 1;
    this.#bytes += bytes;
    if (this.#events >= MAX_SEGMENT_EVENTS || this.#bytes >= MAX_SEGMENT_BYTES) this.seal();
  }

  /** Makes everything appended so far claimable; a later append starts a new segment. */
  seal(options: { durable?: boolean } = {}): void {
    if (this.#fd === undefined) return;
    if (options.durable) fsyncSync(this.#fd);
    closeSync(this.#fd);
    this.#fd = undefined;
    try {
      renameSync(join(this.#open, this.#name), join(this.#ready, this.#name));
    } catch (error) {
      // A purge (an opt-out, `purge`) deleted the segment meanwhile: nothing to seal.
      if ((error as { code?: string }).code !== "ENOENT") throw error;
    }
  }

  #start(): void {
    mkdirSync(this.#open, { recursive: true, mode: 0o700 });
    mkdirSync(this.#ready, { recursive: true, mode: 0o700 });
    this.#name = makeName(Date.now(), process.pid, ".ndjson");
    this.#fd = openSync(join(this.#open, this.#name), "a", 0o600);
    this.#events = 0;
    this.#bytes = 0;
  }
}

/**
 * Writes events as one sealed segment: the way a short-lived `track` process
 * records its event. The segment appears in `ready/` complete or not at all.
 *
 * @example
 * ```ts
 * import { appendEvents } from "./append_events.ts";
 * appendEvents("/tmp/jmo-home", ['{"event":"scan.started"}']);
 * ```
 */
export function appendEvents(home: string, lines: string[]): void {
  const writer = new SpoolWriter(home);
  for (const line of lines) writer.append(line);
  writer.seal();
}
