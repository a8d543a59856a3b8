/**
 * Reading a segment's lines, skipping what a crash left torn.
 *
 * @module
 */

import { fsErrorCode, readRegularFile } from "../fs/mod.ts";

/** One event line as read from a segment. */
export interface SpooledEvent {
  /** The exact JSON text, as it will be sent. */
  line: string;
  /** The event's id. */
  eventId: string;
  /** The event's time, in milliseconds since the epoch. */
  timestampMs: number;
  /** Size of the line in bytes, newline included. */
  bytes: number;
  /** The envelope's schema version (0 when it names none). */
  schema: number;
  /** The line parsed, for a caller's check of the whole event. */
  value: unknown;
}

/** The events of one segment and the count of lines that could not be read. */
export interface SegmentContent {
  events: SpooledEvent[];
  damaged: number;
}

const encoder = new TextEncoder();

/**
 * Parses a segment's text. A line that is not a JSON object with a string
 * `event_id` and a readable `timestamp` (a torn write, a damaged disk) is
 * counted as damaged and left out; it never hides the other lines.
 *
 * @example
 * ```ts
 * import { parseSegment } from "./read_segment.ts";
 * const { events, damaged } = parseSegment('{"event_id":"a","timestamp":"2025-01-01T00:00:00Z"}\n{"eve');
 * events.length; // 1
 * damaged; // 1
 * ```
 */
export function parseSegment(text: string): SegmentContent {
  const events: SpooledEvent[] = [];
  let damaged = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const value = JSON.parse(line);
      const timestampMs = Date.parse(value?.timestamp);
      if (typeof value?.event_id !== "string" || Number.isNaN(timestampMs)) {
        damaged += 1;
        continue;
      }
      events.push({
        line,
        eventId: value.event_id,
        timestampMs,
        bytes: encoder.encode(line).length + 1,
        schema: typeof value.schema === "number" ? value.schema : 0,
        value,
      });
    } catch {
      damaged += 1;
    }
  }
  return { events, damaged };
}

/** What reading one segment file gave. */
export interface SegmentRead extends SegmentContent {
  /**
   * The entry can never be read as a segment (a directory, a FIFO, a file
   * this user may not read); it counts as one damaged line.
   */
  unreadable: boolean;
}

/** Errors that say an entry will not become readable by trying again. */
const UNREADABLE = new Set([
  "EACCES",
  "EPERM",
  "EISDIR",
  "EFTYPE",
  "EFBIG",
  "ETOOLARGE",
  "ENXIO",
  "ELOOP",
  "EIO",
]);

/**
 * Reads and parses one segment file; a file that vanished (claimed by
 * another process meanwhile) reads as empty, and an entry that cannot be
 * read as a segment (not a regular file, not readable by this user, larger
 * than 1 MiB) reads as `unreadable`. `read` is how the text is read (by
 * default only from a regular file, without blocking).
 *
 * @example
 * ```ts
 * import { readSegment } from "./read_segment.ts";
 * const { events } = readSegment("/tmp/jmo-home/spool/ready/1700000000000-42-1a2b3c4d.ndjson");
 * ```
 */
export function readSegment(
  path: string,
  read: (path: string) => string = readRegularFile,
): SegmentRead {
  let text: string;
  try {
    text = read(path);
  } catch (error) {
    const code = fsErrorCode(error) ?? "";
    if (code === "ENOENT") return { events: [], damaged: 0, unreadable: false };
    if (UNREADABLE.has(code)) return { events: [], damaged: 1, unreadable: true };
    throw error;
  }
  return { ...parseSegment(text), unreadable: false };
}
