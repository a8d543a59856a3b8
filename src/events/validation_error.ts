/**
 * The error raised when an event is refused.
 *
 * @module
 */

/** An event that fails validation; `event` and `field` name what is wrong. */
export class EventValidationError extends Error {
  /** The event's name as given (may be an unknown name). */
  readonly event: string;
  /** The dotted path of the offending field or key, as `metadata.tools.0`. */
  readonly field: string;
  /** What is wrong with it. */
  readonly reason: string;

  /**
   * @example
   * ```ts
   * import { EventValidationError } from "./validation_error.ts";
   * const e = new EventValidationError("tool.failed", "metadata.tool", "must match ^[a-z0-9]...");
   * e.message; // "tool.failed: metadata.tool: must match ^[a-z0-9]..."
   * ```
   */
  constructor(event: string, field: string, reason: string) {
    super(`${event}: ${field === "" ? "(event)" : field}: ${reason}`);
    this.name = "EventValidationError";
    this.event = event;
    this.field = field;
    this.reason = reason;
  }
}
