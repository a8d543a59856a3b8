/**
 * Read-only views of the spool: what is pending, for `status` and `show`.
 *
 * @module
 */

import { statSync } from "node:fs";
import { join } from "node:path";
import { MAX_SEGMENT_BYTES } from "./spool_writer.ts";
import { parseName, spoolLayout } from "./layout.ts";
import { listFolder } from "./list_folder.ts";
import { readSegment, type SpooledEvent } from "./read_segment.ts";

function segmentPaths(home: string): string[] {
  const layout = spoolLayout(home);
  const paths: string[] = [];
  for (const dir of [layout.ready, layout.open]) {
    for (const name of listFolder(dir)) if (name.endsWith(".ndjson")) paths.push(join(dir, name));
  }
  for (const claim of listFolder(layout.claimed)) {
    const dir = join(layout.claimed, claim);
    for (const name of listFolder(dir)) if (name.endsWith(".ndjson")) paths.push(join(dir, name));
  }
  return paths;
}

/**
 * Every pending event (sealed, still being written, or held by a flusher),
 * oldest first, each once even if it was seen mid-rename. A segment listed
 * in `kept` counts with the events given there instead of its own (what a
 * retention pass would leave of it, as `previewRetention` says).
 *
 * @example
 * ```ts
 * import { pendingEvents } from "./inspect_spool.ts";
 * for (const e of pendingEvents("/tmp/jmo-home")) console.log(e.line);
 * ```
 */
export function pendingEvents(
  home: string,
  kept?: ReadonlyMap<string, SpooledEvent[]>,
): SpooledEvent[] {
  // A flusher may move segments between folders while they are read: read
  // again until the listing before and after the read agree.
  for (let attempt = 1;; attempt++) {
    const paths = segmentPaths(home);
    const seen = new Set<string>();
    const events: SpooledEvent[] = [];
    for (const path of paths) {
      for (const event of kept?.get(path) ?? readSegment(path).events) {
        if (seen.has(event.eventId)) continue;
        seen.add(event.eventId);
        events.push(event);
      }
    }
    if (attempt >= 20 || segmentPaths(home).join("\n") === paths.join("\n")) {
      return events.sort((a, b) => a.timestampMs - b.timestampMs);
    }
  }
}

/** Counts of what is pending. */
export interface SpoolSummary {
  events: number;
  bytes: number;
  /** Time of the oldest pending event, ms since the epoch; `undefined` when none. */
  oldestMs: number | undefined;
  /** Batches the collector refused, kept aside. */
  rejectedFiles: number;
}

/**
 * Summarises the pending events (`kept` as for `pendingEvents`).
 *
 * @example
 * ```ts
 * import { summariseSpool } from "./inspect_spool.ts";
 * summariseSpool("/tmp/jmo-home").events; // 0 on a fresh install
 * ```
 */
export function summariseSpool(
  home: string,
  kept?: ReadonlyMap<string, SpooledEvent[]>,
): SpoolSummary {
  const events = pendingEvents(home, kept);
  return {
    events: events.length,
    bytes: events.reduce((sum, e) => sum + e.bytes, 0),
    oldestMs: events[0]?.timestampMs,
    rejectedFiles: listFolder(spoolLayout(home).rejected).length,
  };
}

/**
 * Whether the pending segments (sealed, open or claimed) take more than
 * `maxBytes`. Cheap while the spool is small: segments are counted first,
 * and sized one by one only when that many could pass the cap.
 *
 * @example
 * ```ts
 * import { spoolOverCap } from "./inspect_spool.ts";
 * spoolOverCap("/tmp/jmo-home", 5 * 1024 * 1024); // false on a fresh install
 * ```
 */
export function spoolOverCap(home: string, maxBytes: number): boolean {
  const paths = segmentPaths(home);
  // A segment is sealed at MAX_SEGMENT_BYTES; its last line can take it past, never twice over.
  if (paths.length * 2 * MAX_SEGMENT_BYTES <= maxBytes) return false;
  let total = 0;
  for (const path of paths) {
    total += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    if (total > maxBytes) return true;
  }
  return false;
}

/**
 * When the oldest sealed segment in `ready/` was made, by its name (one
 * directory listing, no file read); `undefined` when none waits.
 *
 * @example
 * ```ts
 * import { oldestSealedMs } from "./inspect_spool.ts";
 * oldestSealedMs("/tmp/jmo-home"); // undefined on a fresh install
 * ```
 */
export function oldestSealedMs(home: string): number | undefined {
  let oldest: number | undefined;
  for (const name of listFolder(spoolLayout(home).ready)) {
    const createdMs = parseName(name)?.createdMs;
    if (createdMs !== undefined && (oldest === undefined || createdMs < oldest)) oldest = createdMs;
  }
  return oldest;
}
