/**
 * `check`: the library's way to see an event as the client would record it.
 *
 * @module
 */

import type { EnvelopeOf, EventName, FieldChange } from "../events/mod.ts";
import { checkEvent } from "./check_event.ts";
import { clientCore, type ClientOptions } from "./client_core.ts";
import type { TrackMetadata, TrackOptions } from "./telemetry_client.ts";

/** What `check` found: the envelope that would be stored, and what normalisation changed. */
export interface CheckResult<K extends EventName = EventName> {
  /** The envelope as `track` would spool it (with fresh random ids). */
  envelope: EnvelopeOf<K>;
  /** Unknown keys dropped and values recorded as `custom` or `other` (none in strict mode). */
  changes: FieldChange[];
}

/**
 * Validates and normalises one event as `track` would, and records nothing:
 * no file is read or written, so it works whether telemetry is on or off (a
 * host's tests and CI use it, with `strict: true`, to catch an event the
 * client would refuse or change). Uses the fast checker only, never zod.
 * Throws `EventValidationError`, naming the event and the field, when the
 * event would be refused.
 *
 * @example
 * ```ts
 * import { check } from "@jmo/telemetry";
 * const { envelope, changes } = check("scan.completed", {
 *   profile: "nightly", duration_seconds: 42, tools_succeeded: 3, tools_failed: 0,
 * });
 * envelope.metadata.profile; // "custom"
 * changes; // [{ field: "metadata.profile", change: "normalised", to: "custom" }]
 * check("scan.completed", { profile: "nightly", duration_seconds: 42, tools_succeeded: 3,
 *   tools_failed: 0 }, { strict: true }); // throws EventValidationError
 * ```
 */
export function check<K extends EventName>(
  event: K,
  metadata: TrackMetadata<K>,
  options: TrackOptions & ClientOptions = {},
): CheckResult<K> {
  const { toolVersion, pythonVersion, mode, strict, ...client } = options;
  const { envelope, changes } = checkEvent(clientCore({ ...client, strict }), {
    event,
    metadata,
    toolVersion,
    pythonVersion,
    mode,
  });
  return { envelope: envelope as EnvelopeOf<K>, changes };
}
