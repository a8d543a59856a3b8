/**
 * Strict validation of a whole envelope, with errors that name the field.
 *
 * @module
 */

import { checkObject } from "./check_fields.ts";
import { envelopeFieldsOf } from "./definitions.ts";
import type { Envelope } from "./types.ts";
import { EventValidationError } from "./validation_error.ts";
import { EVENT_NAMES, type EventName } from "./vocabulary.ts";

/** The outcome of validating one value as an envelope. */
export type ValidationResult =
  | { ok: true; envelope: Envelope }
  | { ok: false; error: EventValidationError };

const ENVELOPE_SPECS = Object.fromEntries(
  EVENT_NAMES.map((name) => [name, envelopeFieldsOf(name)]),
);

/**
 * Validates any value as an envelope of schema 1, strictly: an unknown key
 * anywhere, a wrong type or a value outside its enumeration is refused.
 * Never throws: an invalid value gives an `EventValidationError` naming the
 * event and the first offending field.
 *
 * @example
 * ```ts
 * import { validateEnvelope } from "./validate_envelope.ts";
 * const r = validateEnvelope({ event: "scan.started" });
 * r.ok; // false
 * ```
 */
export function validateEnvelope(value: unknown): ValidationResult {
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  const given = isObject ? (value as Record<string, unknown>).event : undefined;
  const event = typeof given === "string" ? given : "event";
  const fail = (field: string, reason: string): ValidationResult => ({
    ok: false,
    error: new EventValidationError(event, field, reason),
  });
  if (!isObject) return fail("", "must be a JSON object");
  if (!(EVENT_NAMES as readonly string[]).includes(event)) {
    return fail("event", `must be one of ${EVENT_NAMES.join(", ")}`);
  }
  const issue = checkObject(value, ENVELOPE_SPECS[event as EventName], "");
  if (issue) return fail(issue.path, issue.reason);
  return { ok: true, envelope: value as Envelope };
}
