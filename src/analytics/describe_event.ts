/**
 * One event in one short line, for the dashboard's latest events.
 *
 * @module
 */

import type { Envelope } from "../events/mod.ts";

/**
 * The few metadata values that tell what an event was about.
 *
 * @example
 * ```ts
 * import { describeMetadata } from "./describe_event.ts";
 * describeMetadata({
 *   schema: 1, event_id: "", version: "1.0.1", platform: "Linux", anonymous_id: "",
 *   timestamp: "2026-01-01T00:00:00Z", event: "tool.failed",
 *   metadata: { tool: "trivy", failure_type: "timeout", exit_code: null, profile: "fast" },
 * }); // "trivy timeout exit=null"
 * ```
 */
export function describeMetadata(envelope: Envelope): string {
  switch (envelope.event) {
    case "scan.started": {
      const m = envelope.metadata;
      return `${m.profile} ${m.mode} tools=${m.tools.join(",")}`;
    }
    case "scan.completed": {
      const m = envelope.metadata;
      return `${m.profile} ${m.mode} ${m.duration_bucket} findings=${
        m.total_findings_bucket ?? "-"
      }`;
    }
    case "tool.failed": {
      const m = envelope.metadata;
      return `${m.tool} ${m.failure_type} exit=${m.exit_code}`;
    }
    case "wizard.completed": {
      const m = envelope.metadata;
      return `${m.profile_selected} ${m.execution_mode} artifact=${m.artifact_generated ?? "none"}`;
    }
    case "report.generated": {
      const m = envelope.metadata;
      return `${m.output_formats.join(",")} findings=${m.findings_bucket}`;
    }
    case "policy.evaluated": {
      const m = envelope.metadata;
      return `${m.policies.join(",")} violations=${m.violations_bucket}`;
    }
  }
}
