/**
 * Valid envelopes for the collector's tests, built by the client's own
 * `buildEvent` from the metadata the binary's tests use.
 *
 * @module
 */

import {
  buildEvent,
  type Envelope,
  type EventName,
  type Schema1Envelope,
  type Schema1EventName,
  SCHEMA_1_EVENT_NAMES,
  validateEnvelope,
} from "../../src/events/mod.ts";
import { VALID_METADATA } from "../helpers/run_binary.ts";

/** What a test may set on an envelope; everything else is valid and random. */
export interface EnvelopeOptions {
  anonymousId?: string;
  version?: string;
  /** When the event happened (the envelope's `timestamp`). */
  at?: Date;
  /** Metadata fields replacing those of the valid example. */
  metadata?: Record<string, unknown>;
}

/**
 * A valid envelope of `event` with a fresh `event_id`.
 *
 * @example
 * ```ts
 * import { envelope } from "./envelopes.ts";
 * envelope("tool.failed", { metadata: { tool: "semgrep" } }).metadata; // { tool: "semgrep", ... }
 * ```
 */
export function envelope(event: EventName, options: EnvelopeOptions = {}): Envelope {
  return buildEvent(
    {
      event,
      metadata: { ...VALID_METADATA[event], ...options.metadata },
      toolVersion: options.version,
      pythonVersion: "3.11",
    },
    {
      eventId: crypto.randomUUID(),
      anonymousId: options.anonymousId ?? crypto.randomUUID(),
      now: options.at ?? new Date(),
      platform: "Linux",
      defaultVersion: "1.0.1",
      defaultMode: "cli",
    },
  );
}

/**
 * `count` valid envelopes of one install, cycling through the six events.
 *
 * @example
 * ```ts
 * import { envelopes } from "./envelopes.ts";
 * envelopes(500).length; // 500
 * ```
 */
export function envelopes(count: number, options: EnvelopeOptions = {}): Envelope[] {
  const anonymousId = options.anonymousId ?? crypto.randomUUID();
  const names = Object.keys(VALID_METADATA) as EventName[];
  return Array.from(
    { length: count },
    (_, i) => envelope(names[i % names.length], { ...options, anonymousId }),
  );
}

/**
 * An exported line without its `received_at`: the envelope as it was sent.
 *
 * @example
 * ```ts
 * import { withoutReceivedAt } from "./envelopes.ts";
 * withoutReceivedAt({ event: "scan.started", received_at: "2025-10-19T14:48:00.000Z" });
 * // { event: "scan.started" }
 * ```
 */
export function withoutReceivedAt(line: Record<string, unknown>): Record<string, unknown> {
  const { received_at: _, ...sent } = line;
  return sent;
}

/**
 * A valid envelope of schema 1, as a client before schema 2 built it: the
 * wizard's time in raw seconds (at most a day), a profile always named.
 *
 * @example
 * ```ts
 * import { schema1Envelope } from "./envelopes.ts";
 * schema1Envelope("wizard.completed").metadata; // { ..., duration_seconds: 95 }
 * ```
 */
export function schema1Envelope(
  event: Schema1EventName,
  options: EnvelopeOptions = {},
): Schema1Envelope {
  const built = envelope(event, options);
  const metadata: Record<string, unknown> = { ...built.metadata };
  if (event === "wizard.completed") {
    delete metadata.duration_bucket;
    metadata.duration_seconds = 95;
  }
  const old = { ...built, schema: 1, metadata };
  const checked = validateEnvelope(old, { schemas: [1] });
  if (!checked.ok) throw checked.error;
  return checked.envelope as Schema1Envelope;
}

/**
 * `count` valid schema 1 envelopes of one install, cycling through its five events.
 *
 * @example
 * ```ts
 * import { schema1Envelopes } from "./envelopes.ts";
 * schema1Envelopes(10).every((e) => e.schema === 1); // true
 * ```
 */
export function schema1Envelopes(count: number, options: EnvelopeOptions = {}): Schema1Envelope[] {
  const anonymousId = options.anonymousId ?? crypto.randomUUID();
  return Array.from(
    { length: count },
    (_, i) =>
      schema1Envelope(SCHEMA_1_EVENT_NAMES[i % SCHEMA_1_EVENT_NAMES.length], {
        ...options,
        anonymousId,
      }),
  );
}
