/**
 * The tool failures the public report may show, under the install floor.
 *
 * @module
 */

import type { Count } from "./count_values.ts";
import { clearsFloor, foldSmallGroups } from "./install_floor.ts";
import type { ToolFailures } from "./tool_failure_rates.ts";

/** A tool's failures as the report shows them: no installs, failure types folded. */
export type ReportedToolFailures = Omit<ToolFailures, "byType" | "installs"> & {
  /** Failures by type, folded as every split of the report. */
  byType: Count[];
};

/**
 * The tools that at least `INSTALL_FLOOR` installs ran (listed in a scan or
 * reported failing), in the order given, with their failure types folded by
 * `foldSmallGroups`; a tool that no scan listed keeps its failures, with an
 * unknown (`null`) rate.
 *
 * @example
 * ```ts
 * import { reportedToolFailures } from "@jmo/telemetry/analytics";
 * const few = { tool: "zap", runs: 3, failures: 1, rate: 1 / 3, byType: [], installs: new Set(["a"]) };
 * reportedToolFailures([few]); // []: one install ran zap
 * ```
 */
export function reportedToolFailures(tools: readonly ToolFailures[]): ReportedToolFailures[] {
  return tools.filter(clearsFloor).map(({ installs: _installs, byType, ...tool }) => ({
    ...tool,
    byType: foldSmallGroups(byType),
  }));
}
