/**
 * The tool failures the public report may show, as coarse cells.
 *
 * @module
 */

import { coarseCounts } from "../coarse/mod.ts";
import type { Count } from "./count_values.ts";
import { EVENTS_STEP, publishedTotal, publishSplit, type ReportCells } from "./report_cells.ts";
import type { ToolFailures } from "./tool_failure_rates.ts";

/** A tool's failures as the report shows them: published counts, no installs. */
export type ReportedToolFailures = Omit<ToolFailures, "byType" | "installs"> & {
  /** Failures by type, published as every split of the report. */
  byType: Count[];
};

/**
 * The tools whose published installs (that listed the tool in a scan or
 * reported it failing) reach 10, each with its runs and failures published
 * as coarse cells, the rate computed from those (`null` when the published
 * runs are 0) and its failure types published by `publishSplit`; worst
 * published rate first, unknown rates last.
 *
 * @example
 * ```ts
 * import { reportedToolFailures } from "@jmo/telemetry/analytics";
 * const few = { tool: "zap", runs: 3, failures: 1, rate: 1 / 3, byType: [], installs: new Set(["a"]) };
 * reportedToolFailures([few], { secret: "s", scope: "2026-Q1" }); // []: one install ran zap
 * ```
 */
export function reportedToolFailures(
  tools: readonly ToolFailures[],
  cells: ReportCells,
): ReportedToolFailures[] {
  const published = coarseCounts(
    tools.map((t) => ({ key: t.tool, events: t.failures, installs: t.installs.size })),
    cells.secret,
    cells.scope,
  );
  const rows = published.map(({ key, events: failures }) => {
    const tool = tools.find((t) => t.tool === key)!;
    const runs = publishedTotal(tool.runs, EVENTS_STEP, cells);
    return {
      tool: key,
      runs,
      failures,
      rate: runs === 0 ? null : failures / runs,
      byType: publishSplit(tool.byType, cells),
    };
  });
  return rows.sort((a, b) =>
    (b.rate ?? -1) - (a.rate ?? -1) || b.failures - a.failures || a.tool.localeCompare(b.tool)
  );
}
