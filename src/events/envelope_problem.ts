/**
 * Why a value read back from the spool is not a valid event, in one line.
 *
 * @module
 */

import { validateEnvelope } from "./validate_envelope.ts";

/** A reason is cut to this many characters: it names a field, never carries a payload. */
const MAX_REASON_CHARS = 160;

/**
 * Checks a parsed spool line with the same checker `track` uses, and says
 * what is wrong (the event, the first offending field and why), or
 * `undefined` when it is a valid event.
 *
 * @example
 * ```ts
 * import { envelopeProblem } from "./envelope_problem.ts";
 * envelopeProblem({ event: "scan.started" }); // "scan.started: schema: is required" (or the first missing field)
 * ```
 */
export function envelopeProblem(value: unknown): string | undefined {
  const result = validateEnvelope(value);
  return result.ok ? undefined : result.error.message.slice(0, MAX_REASON_CHARS);
}
