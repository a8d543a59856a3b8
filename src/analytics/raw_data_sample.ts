/**
 * The quarterly report's raw data sample: a few events of the quarter as
 * they were sent, with what ties an event to an install left out.
 *
 * @module
 */

import { EVENT_NAMES } from "../events/mod.ts";
import type { CollectedEvent } from "./collected_event.ts";
import { coarseCounts } from "../coarse/mod.ts";
import { countValues, occurrenceOf } from "./count_values.ts";
import { formatCount } from "./format_count.ts";
import {
  EVENTS_STEP,
  MIN_PUBLISHED_INSTALLS,
  publishedTotal,
  type ReportCells,
} from "./report_cells.ts";

/** A sample of raw events, and what it is. */
export interface RawDataSample {
  /** One sentence on what the sample holds, or that there is nothing to sample. */
  note: string;
  /** The sampled events, one JSON object a line; empty when there is none. */
  lines: string[];
}

/**
 * The earliest event of each type among the quarter's `events` (so at most
 * five), in the order of the event types, each as JSON without its
 * `anonymous_id` and `event_id` and with its timestamp cut to the day: what
 * each event carries is shown, but no event of the sample can be tied to an
 * install or matched to one in the raw data by its time. Only the types whose
 * published installs (the report's coarse cells, `cells`) reach 10 are
 * sampled, and the number of events is the published one, as the note says.
 *
 * @example
 * ```ts
 * import { rawDataSample } from "@jmo/telemetry/analytics";
 * rawDataSample([], { secret: "s", scope: "2026-Q1" });
 * // { note: "No events in this quarter to sample.", lines: [] }
 * ```
 */
export function rawDataSample(
  events: readonly CollectedEvent[],
  cells: ReportCells,
): RawDataSample {
  if (events.length === 0) return { note: "No events in this quarter to sample.", lines: [] };
  const sentBy = countValues(events.map((e) => occurrenceOf(e.envelope.event, e.envelope)));
  const sampled = new Set(
    coarseCounts(
      sentBy.map((g) => ({ key: g.key, events: g.count, installs: g.installs.size })),
      cells.secret,
      cells.scope,
    ).map((g) => g.key),
  );
  const earliest = new Map<string, CollectedEvent>();
  for (const event of events.filter((e) => sampled.has(e.envelope.event))) {
    const { event: type, timestamp } = event.envelope;
    const seen = earliest.get(type);
    if (seen === undefined || Date.parse(timestamp) < Date.parse(seen.envelope.timestamp)) {
      earliest.set(type, event);
    }
  }
  const lines = EVENT_NAMES.flatMap((type) => {
    const event = earliest.get(type);
    if (event === undefined) return [];
    const { anonymous_id: _install, event_id: _id, ...rest } = event.envelope;
    return [JSON.stringify({ ...rest, timestamp: rest.timestamp.slice(0, 10) })];
  });
  const floor = `sent by at least ${MIN_PUBLISHED_INSTALLS} installs (as published)`;
  if (lines.length === 0) {
    return { note: `No event type was ${floor} in this quarter: nothing to sample.`, lines };
  }
  return {
    note: `The earliest event of each type ${floor} in the quarter (${
      formatCount(lines.length)
    } of ${
      formatCount(publishedTotal(events.length, EVENTS_STEP, cells))
    } events, as published; types sent by fewer installs are left out), as sent but without \`anonymous_id\` and \`event_id\`, and with the timestamp cut to its day:`,
    lines,
  };
}
