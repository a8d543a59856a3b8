/**
 * jmo-telemetry: privacy-first, offline-tolerant usage telemetry for
 * command-line tools, as a library for Node, Deno and Bun.
 *
 * From npm, `import { createClient } from "jmo-telemetry"` (or `require()`,
 * Node 20.19+ and 22.12+); from Deno, `jsr:@jmo/telemetry`.
 *
 * ```ts
 * import process from "node:process";
 * import { createClient } from "@jmo/telemetry";
 *
 * const telemetry = createClient({
 *   version: "1.0.1",
 *   onBanner: (text) => process.stderr.write(text),
 * });
 * telemetry.track("scan.completed", {
 *   profile: "balanced", duration_seconds: 420,
 *   tools_succeeded: 8, tools_failed: 0, total_findings: 12,
 * });
 * telemetry.close();
 * ```
 *
 * `close()` (or process exit) seals the events and, when delivery is due,
 * starts this package's CLI under the same runtime as a detached background
 * flush; `await telemetry.flush()` delivers from this process instead.
 *
 * Consent follows the same five rules as the `jmo-telemetry` binary
 * (`JMO_TELEMETRY_DISABLE`, `DO_NOT_TRACK`, CI, `jmo.yml`, on by default);
 * events are validated strictly, whether telemetry is on or off, and written
 * to the same on-disk spool. Only `EventValidationError` is ever thrown; disk
 * and network trouble, and a runtime that refuses a permission, are reported
 * in what `track` and `flush` return. The zod schemas are the `/schema`
 * entry, the maintainers' analytics the `/analytics` entry, and the CLI the
 * `/cli` entry on JSR (`deno run -A jsr:@jmo/telemetry/cli status`).
 *
 * @module
 */

export { check, createClient, currentConsent, readStatus, TelemetryClient } from "./client/mod.ts";
export type {
  CheckResult,
  ClientCore,
  ClientOptions,
  CurrentConsent,
  FreeText,
  StatusReport,
  TelemetryClientOptions,
  TrackMetadata,
  TrackOptions,
  TrackResult,
} from "./client/mod.ts";
export {
  answerIsYes,
  bannerText,
  CI_MARKERS,
  ConfigSyntaxError,
  decideConsent,
  decideFromEnvironment,
  detectCi,
  loadConfigChoice,
  NOTICE_VERSION,
  PRIVACY_URL,
  readTelemetryChoice,
  readTelemetrySetting,
  saveConfigChoice,
  setTelemetryChoice,
} from "./consent/mod.ts";
export type { ConfigChoice, ConsentDecision, TelemetrySetting } from "./consent/mod.ts";
export {
  ARTIFACTS,
  buildEvent,
  DURATION_BUCKETS,
  durationBucket,
  EVALUATION_TIME_BUCKETS,
  EVENT_NAMES,
  EventValidationError,
  EXECUTION_MODES,
  FAILURE_TYPES,
  FINDINGS_BUCKETS,
  findingsBucket,
  MODES,
  OUTPUT_FORMATS,
  PLATFORMS,
  POLICIES,
  prepareEvent,
  PROFILES,
  SCAN_FREQUENCY_HINTS,
  SCHEMA_1_EVENT_NAMES,
  SCHEMA_1_OUTPUT_FORMATS,
  SCHEMA_VERSION,
  SCHEMA_VERSIONS,
  TARGETS_BUCKETS,
  validateEnvelope,
  VIOLATIONS_BUCKETS,
  WIZARD_DURATION_BUCKETS,
  wizardDurationBucket,
} from "./events/mod.ts";
export type {
  DurationBucket,
  Envelope,
  EnvelopeBase,
  EnvelopeOf,
  EventContext,
  EventInput,
  EventName,
  FieldChange,
  FindingsBucket,
  MetadataOf,
  Mode,
  Platform,
  PreparedEvent,
  Profile,
  Schema1Envelope,
  Schema1EnvelopeOf,
  Schema1EventName,
  Schema1MetadataOf,
  Schema2Envelope,
  SchemaVersion,
  TargetTypes,
  ValidationOptions,
  ValidationResult,
  WizardDurationBucket,
} from "./events/mod.ts";
export type { DroppedCounters, FlushOutcome, NormalisedCounters } from "./install/mod.ts";
export type { Environment, Settings, SettingsProblem, TransportSettings } from "./settings/mod.ts";
export type { FlushDropped, FlushReport, TransportKind } from "./transport/mod.ts";
export { VERSION } from "./version.ts";
