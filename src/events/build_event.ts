/**
 * Turns what the host tool passed into a validated envelope.
 *
 * @module
 */

import { durationBucket, findingsBucket } from "./buckets.ts";
import type { Envelope } from "./types.ts";
import { validateEnvelope } from "./validate_envelope.ts";
import { EventValidationError } from "./validation_error.ts";
import { EVENT_NAMES, type Mode, type Platform, SCHEMA_VERSION } from "./vocabulary.ts";

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
 * Builds the envelope of one event and validates it strictly. Raw
 * `duration_seconds` and `total_findings` of `scan.completed` are bucketed
 * here, so the raw numbers never leave this function. Throws
 * `EventValidationError` naming the event and field on any refusal.
 *
 * @example
 * ```ts
 * import { buildEvent } from "./build_event.ts";
 * const e = buildEvent(
 *   { event: "scan.completed", metadata: { profile: "fast", duration_seconds: 420,
 *     tools_succeeded: 3, tools_failed: 0, total_findings: 12 } },
 *   { eventId: crypto.randomUUID(), anonymousId: crypto.randomUUID(), now: new Date(),
 *     platform: "Linux", defaultVersion: "1.0.0", defaultMode: "cli" },
 * );
 * e.metadata; // { profile: "fast", duration_bucket: "5-15min", ..., total_findings_bucket: "10-100", mode: "cli" }
 * ```
 */
export function buildEvent(input: EventInput, context: EventContext): Envelope {
  const event = input.event;
  if (!(EVENT_NAMES as readonly string[]).includes(event)) {
    throw new EventValidationError(event, "event", `must be one of ${EVENT_NAMES.join(", ")}`);
  }
  const given = input.metadata;
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new EventValidationError(event, "metadata", "must be a JSON object");
  }
  const metadata: Record<string, unknown> = { ...given as Record<string, unknown> };
  if (event === "scan.completed") {
    bucketRawField(event, metadata, "duration_seconds", "duration_bucket", durationBucket);
    bucketRawField(event, metadata, "total_findings", "total_findings_bucket", findingsBucket);
  }
  if (MODE_EVENTS.has(event)) {
    if (input.mode !== undefined) metadata.mode = input.mode;
    else if (!("mode" in metadata)) metadata.mode = context.defaultMode;
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
  const result = validateEnvelope(candidate);
  if (!result.ok) throw result.error;
  return result.envelope;
}
