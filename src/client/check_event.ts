/**
 * Building an event as the client would record it, without recording it.
 *
 * @module
 */

import { type EventInput, type PreparedEvent, prepareEvent } from "../events/build_event.ts";
import type { ClientCore } from "./client_core.ts";

/**
 * Builds, normalises and validates one event in the client's context, as
 * `track` would record it, and writes nothing: the anonymous id is
 * `anonymousId`, a fresh random one unless given. Strict when `input.strict`
 * says so, else when the client is (`JMO_TELEMETRY_STRICT` or the `strict`
 * option). Throws `EventValidationError` when the event is refused.
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { checkEvent } from "./check_event.ts";
 * const { envelope, changes } = checkEvent(clientCore({ env: {} }), {
 *   event: "tool.failed",
 *   metadata: { tool: "afl++", failure_type: "crash", exit_code: 139, profile: "nightly" },
 * });
 * envelope.metadata; // { tool: "afl++", failure_type: "crash", exit_code: 139, profile: "custom" }
 * changes.length; // 1
 * ```
 */
export function checkEvent(
  core: ClientCore,
  input: EventInput,
  anonymousId: string = crypto.randomUUID(),
): PreparedEvent {
  return prepareEvent({ ...input, strict: input.strict ?? core.strict }, {
    eventId: crypto.randomUUID(),
    anonymousId,
    now: core.now(),
    platform: core.platform,
    defaultVersion: core.version,
    defaultMode: core.defaultMode,
  });
}
