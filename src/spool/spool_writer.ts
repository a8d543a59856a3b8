/**
 * The spool's writer: events appended to an open segment, sealed into
 * `ready/` whole, safely under `kill -9` and many writers.
 *
 * @module
 */

import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
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
 * once), never nowhere. Appends in between cost no extra system call. A
 * line is written whole or not at all: a short or failed write (a full
 * disk, a file-size limit) is cut back off the segment before the error is
 * thrown, so the next append never lands after a torn fragment. `afterSeal`
 * runs after each seal (the client keeps the spool's cap there).
 *
 * @example
 * ```ts
 * import { SpoolWriter } from "./spool_writer.ts";
 * const writer = new SpoolWriter("/tmp/jmo-home");
 * writer.append('{"event":"scan.started"}');
 * writer.seal();
 * ```
 */
export class SpoolWriter {
  readonly #open: string;
  readonly #ready: string;
  readonly #now: () => number;
  readonly #afterSeal: () => void;
  #fd: number | undefined;
  #name = "";
  #events = 0;
  #bytes = 0;
  #lastAppendMs = 0;

  /**
   * `options.now` is the clock idle time is measured by (default
   * `Date.now`); `options.afterSeal` runs after each segment is sealed.
   */
  constructor(home: string, options: { now?: () => number; afterSeal?: () => void } = {}) {
    const layout = spoolLayout(home);
    this.#open = layout.open;
    this.#ready = layout.ready;
    this.#now = options.now ?? Date.now;
    this.#afterSeal = options.afterSeal ?? (() => {});
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
      return;
    }
    this.#afterSeal();
  }

  #write(line: string): void {
    if (this.#fd === undefined) this.#start();
    const bytes = encoder.encode(line + "\n");
    try {
      for (let done = 0; done < bytes.length;) {
        const n = writeSync(this.#fd!, bytes, done);
        if (n <= 0) throw Object.assign(new Error("nothing written"), { code: "ENOSPC" });
        done += n;
      }
    } catch (error) {
      this.#cutTorn();
      throw error;
    }
    this.#bytes += bytes.length;
    this.#events += 1;
  }

  /**
   * Takes a torn fragment back off the open segment: the file is cut to its
   * whole lines (an empty segment is removed). Should even that fail, the
   * segment is sealed as it is, its torn last line skipped by readers, and
   * the next append starts a new segment.
   */
  #cutTorn(): void {
    const path = join(this.#open, this.#name);
    try {
      if (this.#bytes > 0) {
        ftruncateSync(this.#fd!, this.#bytes);
        return;
      }
      closeSync(this.#fd!);
      this.#fd = undefined;
      unlinkSync(path);
    } catch {
      if (this.#fd === undefined) return;
      try {
        this.seal();
      } catch {
        this.#fd = undefined;
      }
    }
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

const encoder = new TextEncoder();
