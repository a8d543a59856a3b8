/**
 * Writing events into the spool, safely under `kill -9` and many writers.
 *
 * @module
 */

import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { makeName, spoolLayout } from "./layout.ts";
import { processScope } from "./process_scope.ts";

/** A segment is sealed once it holds this many events, so one segment never exceeds one batch. */
export const MAX_SEGMENT_EVENTS = 500;
/** A segment is sealed once it holds this many bytes. */
export const MAX_SEGMENT_BYTES = 128 * 1024;
/**
 * A writer that appends after sitting idle this long checks that its open
 * segment is still in `open/`. Well under `STALE_CLAIM_MS`, the least idle
 * time after which a flusher may adopt a segment whose writer it cannot see.
 */
export const WRITER_RECHECK_MS = 60_000;

/**
 * Appends events to the spool of one process. Lines go to a segment in
 * `open/` that only this writer writes; `seal` renames it into `ready/`,
 * where it is complete and can be claimed. A writer killed mid-line leaves a
 * torn last line, which readers skip; its segment is adopted once its process
 * is gone. A flusher that cannot check the writer's pid (another pid
 * namespace) adopts a segment only after `STALE_CLAIM_MS` without a write;
 * so the first append after `WRITER_RECHECK_MS` idle checks, after writing,
 * that the segment is still there, and writes the line again in a fresh
 * segment if it was taken: an event may go twice (the collector keeps it
 * once), never nowhere. Appends in between cost no extra system call.
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
  readonly #now: () => number;
  #fd: number | undefined;
  #name = "";
  #events = 0;
  #bytes = 0;
  #lastAppendMs = 0;

  /** `options.now` is the clock idle time is measured by (default `Date.now`). */
  constructor(home: string, options: { now?: () => number } = {}) {
    const layout = spoolLayout(home);
    this.#open = layout.open;
    this.#ready = layout.ready;
    this.#now = options.now ?? Date.now;
  }

  /** Appends one event line (JSON without a newline); seals the segment when it is full. */
  append(line: string): void {
    const now = this.#now();
    const idle = this.#fd !== undefined && now - this.#lastAppendMs >= WRITER_RECHECK_MS;
    this.#write(line);
    if (idle && !this.#stillOpen()) {
      // A flusher took the segment while this writer slept: the line may have
      // missed its read, so it goes again in a fresh segment.
      closeSync(this.#fd!);
      this.#fd = undefined;
      this.#write(line);
    }
    this.#lastAppendMs = now;
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

  #write(line: string): void {
    if (this.#fd === undefined) this.#start();
    this.#bytes += writeSync(this.#fd!, line + "\n");
    this.#events += 1;
  }

  /** Whether the open segment is still in `open/`, not moved away by a flusher or a purge. */
  #stillOpen(): boolean {
    const there = statSync(join(this.#open, this.#name), { throwIfNoEntry: false });
    const mine = fstatSync(this.#fd!);
    return there !== undefined && there.ino === mine.ino && there.dev === mine.dev;
  }

  #start(): void {
    mkdirSync(this.#open, { recursive: true, mode: 0o700 });
    mkdirSync(this.#ready, { recursive: true, mode: 0o700 });
    this.#name = makeName(this.#now(), process.pid, ".ndjson", processScope());
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
