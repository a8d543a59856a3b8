/**
 * Events of schemas 1 and 2: the vocabulary, the one definition of each
 * event's metadata, the generated envelope schema, strict validation,
 * private normalisation and the buckets. The collector imports this module;
 * nothing here does I/O.
 *
 * @module
 */

export * from "./vocabulary.ts";
export {
  ENVELOPE_FIELDS,
  envelopeFieldsOf,
  METADATA_FIELDS,
  METADATA_FIELDS_BY_SCHEMA,
  metadataFieldsOf,
  UUID_V4_PATTERN,
} from "./definitions.ts";
export type { FieldRule, FieldSpec, ObjectFields } from "./field_spec.ts";
export { checkField, checkObject } from "./check_fields.ts";
export type { FieldIssue } from "./check_fields.ts";
export { normaliseObject } from "./normalise_fields.ts";
export type { FieldChange } from "./normalise_fields.ts";
export { describeChanges } from "./describe_changes.ts";
export type {
  DurationBucket,
  Envelope,
  EnvelopeBase,
  EnvelopeOf,
  FindingsBucket,
  MetadataOf,
  Profile,
  Schema1Envelope,
  Schema1EnvelopeOf,
  Schema1MetadataOf,
  Schema2Envelope,
  TargetTypes,
  WizardDurationBucket,
} from "./types.ts";
export { durationBucket, findingsBucket, wizardDurationBucket } from "./buckets.ts";
export { validateEnvelope } from "./validate_envelope.ts";
export { envelopeProblem } from "./envelope_problem.ts";
export type { ValidationOptions, ValidationResult } from "./validate_envelope.ts";
export { EventValidationError } from "./validation_error.ts";
export { buildEvent, prepareEvent, utcSecond } from "./build_event.ts";
export { EARLIEST_YEAR, isUtcSecond } from "./is_utc_second.ts";
export type { EventContext, EventInput, PreparedEvent } from "./build_event.ts";
export { platformName } from "./platform.ts";
