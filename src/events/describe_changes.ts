/**
 * What normalisation did to an event, in words for standard error.
 *
 * @module
 */

import type { FieldChange } from "./normalise_fields.ts";

/**
 * One line per change, each naming the event and the field, never the value
 * that was left out.
 *
 * @example
 * ```ts
 * import { describeChanges } from "./describe_changes.ts";
 * describeChanges("jmo-telemetry debug", "scan.started", [
 *   { field: "metadata.profile", change: "normalised", to: "custom" },
 *   { field: "metadata.repo", change: "dropped" },
 * ]);
 * // "jmo-telemetry debug: scan.started: metadata.profile is outside the schema, recorded as custom\n" +
 * // "jmo-telemetry debug: scan.started: metadata.repo is an unknown key, dropped\n"
 * ```
 */
export function describeChanges(
  prefix: string,
  event: string,
  changes: readonly FieldChange[],
): string {
  return changes.map(({ field, change, to }) =>
    `${prefix}: ${event}: ${field} ${
      change === "dropped"
        ? "is an unknown key, dropped"
        : `is outside the schema, recorded as ${to}`
    }\n`
  ).join("");
}
