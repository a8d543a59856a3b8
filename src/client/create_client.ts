/**
 * The shortest way to a client.
 *
 * @module
 */

import { TelemetryClient, type TelemetryClientOptions } from "./telemetry_client.ts";

/**
 * Creates a telemetry client; every option defaults to the real process
 * (environment, home directory, working directory, clock).
 *
 * @example
 * ```ts
 * import { createClient } from "@jmo/telemetry";
 * const telemetry = createClient({ version: "1.0.1" });
 * telemetry.track("report.generated", {
 *   output_formats: ["json", "html"], findings_bucket: "10-100",
 *   suppressions_used: false, compliance_enabled: true,
 * });
 * telemetry.close();
 * ```
 */
export function createClient(options: TelemetryClientOptions = {}): TelemetryClient {
  return new TelemetryClient(options);
}
