/**
 * What the analytics read: valid events, each once, and what was left out.
 *
 * @module
 */

import type { Envelope } from "../events/mod.ts";

/** One valid event as collected, with the collector's receipt time when the source gave one. */
export interface CollectedEvent {
  envelope: Envelope;
  /** `received_at` of the collector's export, when present. */
  receivedAt?: string;
  /** The line exactly as read (trimmed), for `--raw`. */
  line: string;
}

/** A line that was skipped because it is not a valid event. */
export interface InvalidLine {
  /** Where it came from: a file name, a Gist file, the collector's export. */
  origin: string;
  /** Its 1-based line number in that origin. */
  lineNumber: number;
  /** What is wrong with it. */
  reason: string;
}

/** Every valid event once, in the order first read, and what was skipped. */
export interface Collection {
  events: CollectedEvent[];
  /** Lines that are not valid events: skipped and counted, never fatal. */
  invalid: InvalidLine[];
  /** Lines whose `event_id` was already read: counted once. */
  duplicates: number;
  /** Set when the source gave only part of its events: what was left unread, as a sentence. */
  partial?: string;
}

/** A text read from a source: NDJSON, one event per line. */
export interface SourceText {
  /** Where it came from, for messages about its lines. */
  origin: string;
  text: string;
}
