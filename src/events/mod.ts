/**
 * Events of schema 1: the vocabulary, the one definition of each event's
 * metadata, the generated envelope schema, strict validation and the buckets.
 * The collector imports this module; nothing here does I/O.
 *
 * @module
 */

export * from "./vocabulary.ts";
export {
  ENVELOPE_FIELDS,
  envelopeFieldsOf,
  METADATA_FIELDS,
  UUID_V4_PATTERN,
} from "./definitions.ts";
export type { FieldRule, FieldSpec, ObjectFields } from "./field_spec.ts";
export { checkField, checkObject } from "./check_fields.ts";
export type { FieldIssue } from "./check_fields.ts";
export { envelopeSchema, METADATA_SCHEMAS } from "./zod_schemas.ts";
export type {
  DurationBucket,
  Envelope,
  EnvelopeOf,
  FindingsBucket,
  MetadataOf,
  Profile,
} from "./types.ts";
export { durationBucket, findingsBucket } from "./buckets.ts";
export { validateEnvelope } from "./validate_envelope.ts";
export { envelopeProblem } from "./envelope_problem.ts";
export type { ValidationResult } from "./validate_envelope.ts";
export { EventValidationError } from "./validation_error.ts";
export { buildEvent, utcSecond } from "./build_event.ts";
export { EARLIEST_YEAR, isUtcSecond } from "./is_utc_second.ts";
export type { EventContext, EventInput } from "./build_event.ts";
export { platformName } from "./platform.ts";
