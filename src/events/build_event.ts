/**
 * Turns what the host tool passed into a validated envelope.
 *
 * @module
 */

import { durationBucket, findingsBucket, wizardDurationBucket } from "./buckets.ts";
import { METADATA_FIELDS } from "./definitions.ts";
import { type FieldChange, normaliseObject } from "./normalise_fields.ts";
import type { Schema2Envelope } from "./types.ts";
import { validateEnvelope } from "./validate_envelope.ts";
import { EventValidationError } from "./validation_error.ts";
import {
  EVENT_NAMES,
  type EventName,
  type Mode,
  type Platform,
  SCHEMA_VERSION,
} from "./vocabulary.ts";

/** What the host tool says about one event. */
export interface EventInput {
  /** The event name, as `scan.completed`. */
  event: string;
  /** The metadata object as given (raw numbers allowed where the schema buckets them). */
  metadata: unknown;
  /** The host tool's version; the client's own version when absent. */
  toolVersion?: string;
  /** The host's Python version: `3.11` or `3.11.7` (kept as major.minor). */
  pythonVersion?: string;
  /** Execution mode; fills `metadata.mode` of the scan events. */
  mode?: Mode;
  /**
   * Refuse instead of normalising: an unknown key, or a profile, policy,
   * tool or output format outside the schema, refuses the event (for the
   * host's own tests). Default false.
   */
  strict?: boolean;
}

/** A built envelope, and what normalisation changed to make it. */
export interface PreparedEvent {
  /** The envelope as it is spooled and sent. */
  envelope: Schema2Envelope;
  /** Keys dropped and values replaced (none in strict mode). */
  changes: FieldChange[];
}

/** What the client adds to every event. */
export interface EventContext {
  /** The event's id: a random UUID v4. */
  eventId: string;
  /** The install's anonymous id. */
  anonymousId: string;
  /** When the event happened (kept to the second, UTC). */
  now: Date;
  /** The platform the client runs on. */
  platform: Platform;
  /** Version used when the host gives none. */
  defaultVersion: string;
  /** Mode used when neither the flag nor the metadata gives one. */
  defaultMode: Mode;
}

const MODE_EVENTS = new Set(["scan.started", "scan.completed"]);

function rawCount(event: string, field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new EventValidationError(event, `metadata.${field}`, "must be a number >= 0");
  }
  return value;
}

function bucketRawField(
  event: string,
  metadata: Record<string, unknown>,
  raw: string,
  bucketed: string,
  bucket: (n: number) => string,
): void {
  if (!(raw in metadata)) return;
  if (bucketed in metadata) {
    throw new EventValidationError(
      event,
      `metadata.${raw}`,
      `give ${raw} or ${bucketed}, not both`,
    );
  }
  metadata[bucketed] = bucket(rawCount(event, raw, metadata[raw]));
  delete metadata[raw];
}

/** `YYYY-MM-DDTHH:MM:SSZ` for a date, UTC to the second. */
export function utcSecond(date: Date): string {
  return date.toISOString().slice(0, 19) + "Z";
}

/**
 * Builds the schema 2 envelope of one event: raw numbers are bucketed (the
 * `duration_seconds` and `total_findings` of `scan.completed`, the
 * `duration_seconds` of `wizard.completed`), so they never leave this
 * function; unless `input.strict`, unknown keys are dropped and a profile,
 * policy, tool or output format outside the schema is replaced by `custom`
 * or `other`, each named in `changes`. The result is then validated
 * strictly. Throws `EventValidationError` naming the event and field on any
 * refusal (a value of the wrong kind is refused in both modes).
 *
 * @example
 * ```ts
 * import { prepareEvent } from "@jmo/telemetry";
 * const { envelope, changes } = prepareEvent(
 *   { event: "scan.completed", metadata: { profile: "nightly", duration_seconds: 42,
 *     tools_succeeded: 3, tools_failed: 0, extra: 1 } },
 *   { eventId: crypto.randomUUID(), anonymousId: crypto.randomUUID(), now: new Date(),
 *     platform: "Linux", defaultVersion: "1.0.0", defaultMode: "cli" },
 * );
 * envelope.metadata.profile; // "custom"
 * changes; // [{ field: "metadata.profile", change: "normalised", to: "custom" }, { field: "metadata.extra", change: "dropped" }]
 * ```
 */
export function prepareEvent(input: EventInput, context: EventContext): PreparedEvent {
  const event = input.event;
  if (!(EVENT_NAMES as readonly string[]).includes(event)) {
    throw new EventValidationError(event, "event", `must be one of ${EVENT_NAMES.join(", ")}`);
  }
  const given = input.metadata;
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new EventValidationError(event, "metadata", "must be a JSON object");
  }
  let metadata: Record<string, unknown> = { ...given as Record<string, unknown> };
  if (event === "scan.completed") {
    bucketRawField(event, metadata, "duration_seconds", "duration_bucket", durationBucket);
    bucketRawField(event, metadata, "total_findings", "total_findings_bucket", findingsBucket);
  }
  if (event === "wizard.completed") {
    bucketRawField(event, metadata, "duration_seconds", "duration_bucket", wizardDurationBucket);
  }
  if (MODE_EVENTS.has(event)) {
    if (input.mode !== undefined) metadata.mode = input.mode;
    else if (!("mode" in metadata)) metadata.mode = context.defaultMode;
  }
  const changes: FieldChange[] = [];
  if (input.strict !== true) {
    const fields = METADATA_FIELDS[event as EventName];
    metadata = normaliseObject(metadata, fields, "metadata", changes) as Record<string, unknown>;
  }
  const candidate: Record<string, unknown> = {
    schema: SCHEMA_VERSION,
    event_id: context.eventId,
    event,
    version: input.toolVersion ?? context.defaultVersion,
    platform: context.platform,
    anonymous_id: context.anonymousId,
    timestamp: utcSecond(context.now),
    metadata,
  };
  if (input.pythonVersion !== undefined) {
    // Kept as major.minor, whatever follows: 3.11.7 and 3.12.0rc1 give 3.11 and 3.12.
    const m = /^(\d{1,2}\.\d{1,3})(?!\d)/.exec(input.pythonVersion.trim());
    candidate.python_version = m ? m[1] : input.pythonVersion;
  }
  const result = validateEnvelope(candidate, { schemas: [SCHEMA_VERSION] });
  if (!result.ok) throw result.error;
  return { envelope: result.envelope as Schema2Envelope, changes };
}

/**
 * Builds the envelope of one event as `prepareEvent` does, and returns the
 * envelope alone.
 *
 * @example
 * ```ts
 * import { buildEvent } from "@jmo/telemetry";
 * const e = buildEvent(
 *   { event: "scan.completed", metadata: { profile: "fast", duration_seconds: 420,
 *     tools_succeeded: 3, tools_failed: 0, total_findings: 12 } },
 *   { eventId: crypto.randomUUID(), anonymousId: crypto.randomUUID(), now: new Date(),
 *     platform: "Linux", defaultVersion: "1.0.0", defaultMode: "cli" },
 * );
 * e.metadata; // { profile: "fast", duration_bucket: "5-15min", ..., total_findings_bucket: "10-100", mode: "cli" }
 * ```
 */
export function buildEvent(input: EventInput, context: EventContext): Schema2Envelope {
  return prepareEvent(input, context).envelope;
}
