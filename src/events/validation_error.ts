/**
 * The error raised when an event is refused.
 *
 * @module
 */

/**
 * An event that fails validation; `event` and `field` name what is wrong.
 *
 * @example
 * ```ts
 * import { EventValidationError } from "@jmo/telemetry";
 * try {
 *   throw new EventValidationError("tool.failed", "metadata.tool", "must be a short name");
 * } catch (error) {
 *   if (error instanceof EventValidationError) console.error(error.event, error.field);
 * }
 * ```
 */
export class EventValidationError extends Error {
  /** The event's name as given (may be an unknown name). */
  readonly event: string;
  /** The dotted path of the offending field or key, as `metadata.tools.0`. */
  readonly field: string;
  /** What is wrong with it. */
  readonly reason: string;

  /**
   * An error naming the event, the field and what is wrong with it.
   *
   * @example
   * ```ts
   * import { EventValidationError } from "@jmo/telemetry";
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
