/**
 * The quarterly report's raw data sample: a few events of the quarter as
 * they were sent, with what ties an event to an install left out.
 *
 * @module
 */

import { EVENT_NAMES } from "../events/mod.ts";
import type { CollectedEvent } from "./collected_event.ts";
import { formatCount } from "./format_count.ts";

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
 * install or matched to one in the raw data by its time.
 *
 * @example
 * ```ts
 * import { rawDataSample } from "./raw_data_sample.ts";
 * rawDataSample([]); // { note: "No events in this quarter to sample.", lines: [] }
 * ```
 */
export function rawDataSample(events: readonly CollectedEvent[]): RawDataSample {
  const earliest = new Map<string, CollectedEvent>();
  for (const event of events) {
    const { event: type, timestamp } = event.envelope;
    const seen = earliest.get(type);
    if (seen === undefined || Date.parse(timestamp) < Date.parse(seen.envelope.timestamp)) {
      earliest.set(type, event);
    }
  }
  const lines = EVENT_NAMES.flatMap((type) => {
    const sampled = earliest.get(type);
    if (sampled === undefined) return [];
    const { anonymous_id: _install, event_id: _id, ...rest } = sampled.envelope;
    return [JSON.stringify({ ...rest, timestamp: rest.timestamp.slice(0, 10) })];
  });
  if (lines.length === 0) return { note: "No events in this quarter to sample.", lines };
  return {
    note: `The earliest event of each type in the quarter (${formatCount(lines.length)} of ${
      formatCount(events.length)
    } events), as sent but without \`anonymous_id\` and \`event_id\`, and with the timestamp cut to its day:`,
    lines,
  };
}
