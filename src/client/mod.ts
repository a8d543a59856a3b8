/**
 * The client: what the CLI and the library share to decide consent, record
 * events and report status.
 *
 * @module
 */

export { check } from "./check.ts";
export type { CheckResult } from "./check.ts";
export { checkEvent } from "./check_event.ts";
export { clientCore } from "./client_core.ts";
export type { ClientCore, ClientOptions } from "./client_core.ts";
export { createClient } from "./create_client.ts";
export { currentConsent } from "./current_consent.ts";
export type { CurrentConsent } from "./consent_from_config.ts";
export { flushInstall } from "./flush_install.ts";
export type { FlushRequest } from "./flush_install.ts";
export { readStatus } from "./read_status.ts";
export type { StatusReport } from "./read_status.ts";
export { noticeOfRefusedScan, recordEvent } from "./record_event.ts";
export type { RecordOutcome, ScanNotice } from "./record_event.ts";
export { TelemetryClient } from "./telemetry_client.ts";
export type {
  FreeText,
  TelemetryClientOptions,
  TrackMetadata,
  TrackOptions,
  TrackResult,
} from "./telemetry_client.ts";
