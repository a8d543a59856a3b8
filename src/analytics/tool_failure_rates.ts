/**
 * Failure rate of each scanner tool.
 *
 * @module
 */

import { FAILURE_TYPES } from "../events/mod.ts";
import type { CollectedEvent } from "./collected_event.ts";

/** One failure type of `tool.failed`. */
export type FailureType = typeof FAILURE_TYPES[number];

/** How often one tool ran and failed. */
export interface ToolFailures {
  tool: string;
  /** `scan.started` events whose `metadata.tools` lists the tool. */
  runs: number;
  /** `tool.failed` events naming the tool. */
  failures: number;
  /** `failures / runs`; `null` when no selected scan ran the tool. */
  rate: number | null;
  /** Failures by `metadata.failure_type`. */
  byType: Record<FailureType, number>;
}

/**
 * Every tool that ran or failed, with its failure rate: the `tool.failed`
 * events naming it over the `scan.started` events whose `metadata.tools`
 * lists it, both counted over the same events. Sorted by rate (highest
 * first, unknown rates last), then by failures, then by name.
 *
 * @example
 * ```ts
 * import { toolFailureRates } from "./tool_failure_rates.ts";
 * toolFailureRates([]); // []
 * ```
 */
export function toolFailureRates(events: readonly CollectedEvent[]): ToolFailures[] {
  const tools = new Map<string, ToolFailures>();
  const entry = (tool: string) => {
    let found = tools.get(tool);
    if (found === undefined) {
      const byType = Object.fromEntries(FAILURE_TYPES.map((t) => [t, 0]));
      found = { tool, runs: 0, failures: 0, rate: null, byType: byType as ToolFailures["byType"] };
      tools.set(tool, found);
    }
    return found;
  };
  for (const { envelope } of events) {
    if (envelope.event === "scan.started") {
      for (const tool of new Set(envelope.metadata.tools)) entry(tool).runs += 1;
    } else if (envelope.event === "tool.failed") {
      const { metadata } = envelope;
      const failed = entry(metadata.tool);
      failed.failures += 1;
      failed.byType[metadata.failure_type] += 1;
    }
  }
  const rows = [...tools.values()].map((t) => ({
    ...t,
    rate: t.runs === 0 ? null : t.failures / t.runs,
  }));
  return rows.sort((a, b) =>
    (b.rate ?? -1) - (a.rate ?? -1) || b.failures - a.failures || a.tool.localeCompare(b.tool)
  );
}
