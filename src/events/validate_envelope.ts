/**
 * Strict validation of a whole envelope of schema 1 or 2, with errors that
 * name the field.
 *
 * @module
 */

import { checkObject } from "./check_fields.ts";
import { envelopeFieldsOf, METADATA_FIELDS_BY_SCHEMA } from "./definitions.ts";
import type { ObjectFields } from "./field_spec.ts";
import type { Envelope } from "./types.ts";
import { EventValidationError } from "./validation_error.ts";
import { EVENT_NAMES, type EventName, SCHEMA_VERSIONS, type SchemaVersion } from "./vocabulary.ts";

/** The outcome of validating one value as an envelope. */
export type ValidationResult =
  | { ok: true; envelope: Envelope }
  | { ok: false; error: EventValidationError };

/** How to validate. */
export interface ValidationOptions {
  /** Which schema versions to accept (default: every version this client knows). */
  schemas?: readonly number[];
}

const ENVELOPE_SPECS: Readonly<Record<number, Readonly<Record<string, ObjectFields>>>> = Object
  .fromEntries(
    SCHEMA_VERSIONS.map((schema) => [
      schema,
      Object.fromEntries(
        Object.keys(METADATA_FIELDS_BY_SCHEMA[schema]).map((name) => [
          name,
          envelopeFieldsOf(name as EventName, schema),
        ]),
      ),
    ]),
  );

/**
 * Validates any value as an envelope of schema 1 or 2 (or of the versions
 * `options.schemas` names), strictly: an unknown key anywhere, a wrong type
 * or a value outside its enumeration is refused. Never throws: an invalid
 * value gives an `EventValidationError` naming the event and the first
 * offending field (`schema` when its version is not accepted).
 *
 * @example
 * ```ts
 * import { validateEnvelope } from "@jmo/telemetry";
 * validateEnvelope({ event: "scan.started" }).ok; // false
 * const r = validateEnvelope({ schema: 2, event: "policy.evaluated" }, { schemas: [1] });
 * !r.ok && r.error.field; // "schema"
 * ```
 */
export function validateEnvelope(
  value: unknown,
  options: ValidationOptions = {},
): ValidationResult {
  const accepted = options.schemas ?? SCHEMA_VERSIONS;
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  const record = isObject ? value as Record<string, unknown> : {};
  const event = typeof record.event === "string" ? record.event : "event";
  const fail = (field: string, reason: string): ValidationResult => ({
    ok: false,
    error: new EventValidationError(event, field, reason),
  });
  if (!isObject) return fail("", "must be a JSON object");
  if (!(EVENT_NAMES as readonly string[]).includes(event)) {
    return fail("event", `must be one of ${EVENT_NAMES.join(", ")}`);
  }
  const schema = record.schema;
  const known = (SCHEMA_VERSIONS as readonly unknown[]).includes(schema);
  if (!known || !accepted.includes(schema as SchemaVersion)) {
    return fail("schema", `must be ${accepted.join(" or ")}`);
  }
  const specs = ENVELOPE_SPECS[schema as SchemaVersion];
  if (!Object.hasOwn(specs, event)) {
    return fail("event", `must be one of ${Object.keys(specs).join(", ")} in schema ${schema}`);
  }
  const issue = checkObject(value, specs[event], "");
  if (issue) return fail(issue.path, issue.reason);
  return { ok: true, envelope: value as Envelope };
}
