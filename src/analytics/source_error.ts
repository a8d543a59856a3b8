/**
 * The error of a source that cannot be read.
 *
 * @module
 */

/** A source of events that cannot be read as given; the message says what to do. */
export class SourceError extends Error {
  /**
   * @example
   * ```ts
   * import { SourceError } from "@jmo/telemetry/analytics";
   * throw new SourceError("events.jsonl does not exist: pass an NDJSON file, a collector URL or gist:<id>");
   * ```
   */
  constructor(message: string) {
    super(message);
    this.name = "SourceError";
  }
}
