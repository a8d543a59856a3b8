/**
 * Failure rate of each scanner tool.
 *
 * @module
 */

import { FAILURE_TYPES } from "../events/mod.ts";
import type { CollectedEvent } from "./collected_event.ts";
import { countValues, type Group, type Occurrence, occurrenceOf } from "./count_values.ts";

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
  /** Failures by `metadata.failure_type`, in the order of the failure types. */
  byType: Group[];
  /** The installs that ran the tool: listed it in a scan, or reported it failing. */
  installs: ReadonlySet<string>;
}

/**
 * Every tool that ran or failed, with its failure rate: the `tool.failed`
 * events naming it over the `scan.started` events whose `metadata.tools`
 * lists it, both counted over the same events. Sorted by rate (highest
 * first, unknown rates last), then by failures, then by name.
 *
 * @example
 * ```ts
 * import { toolFailureRates } from "@jmo/telemetry/analytics";
 * toolFailureRates([]); // []
 * ```
 */
export function toolFailureRates(events: readonly CollectedEvent[]): ToolFailures[] {
  const tools = new Map<string, { runs: number; failed: Occurrence[]; installs: Set<string> }>();
  const entry = (tool: string) => {
    const found = tools.get(tool) ?? { runs: 0, failed: [], installs: new Set<string>() };
    tools.set(tool, found);
    return found;
  };
  for (const { envelope } of events) {
    if (envelope.event === "scan.started") {
      for (const tool of new Set(envelope.metadata.tools)) {
        const ran = entry(tool);
        ran.runs += 1;
        ran.installs.add(occurrenceOf(tool, envelope).install);
      }
    } else if (envelope.event === "tool.failed") {
      const { metadata } = envelope;
      const failure = occurrenceOf(metadata.failure_type, envelope);
      const failed = entry(metadata.tool);
      failed.failed.push(failure);
      failed.installs.add(failure.install);
    }
  }
  const rows = [...tools].map(([tool, { runs, failed, installs }]) => ({
    tool,
    runs,
    failures: failed.length,
    rate: runs === 0 ? null : failed.length / runs,
    byType: countValues(failed, { known: FAILURE_TYPES, keepOrder: true }),
    installs,
  }));
  return rows.sort((a, b) =>
    (b.rate ?? -1) - (a.rate ?? -1) || b.failures - a.failures || a.tool.localeCompare(b.tool)
  );
}
