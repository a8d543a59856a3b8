import { deepEqual, equal } from "node:assert/strict";
import {
  type CollectedEvent,
  collectEvents,
  eventsBetween,
  parseQuarter,
  rawDataSample,
} from "../../src/analytics/mod.ts";
import { datasetLines } from "../fixtures/analytics/dataset.ts";

function eventsOf(lines: string[]) {
  return collectEvents([{ origin: "dataset", text: lines.join("\n") }]).events;
}

const base = eventsOf(datasetLines());
const crowded = eventsOf(datasetLines({ crowd: true }));

function inQuarter(events: readonly CollectedEvent[], text: string) {
  const quarter = parseQuarter(text)!;
  return eventsBetween(events, { from: quarter.start, to: quarter.end });
}

Deno.test("the sample is the earliest event of each type in the quarter, as sent but without anonymous_id and event_id and with its timestamp cut to the day", () => {
  const sample = rawDataSample(inQuarter(crowded, "2026-Q1"));
  equal(
    sample.note,
    "The earliest event of each type sent by at least 5 installs in the quarter (3 of 42 events; types sent by fewer installs are left out), as sent but without `anonymous_id` and `event_id`, and with the timestamp cut to its day:",
  );
  const sampled = sample.lines.map((line) => JSON.parse(line));
  deepEqual(sampled.map((e) => [e.event, e.timestamp]), [
    ["scan.started", "2026-01-01"],
    ["scan.completed", "2026-01-01"],
    ["tool.failed", "2026-01-05"],
  ]);
  deepEqual(Object.keys(sampled[0]), [
    "schema",
    "event",
    "version",
    "platform",
    "python_version",
    "timestamp",
    "metadata",
  ]);
  const s1 = crowded.find((e) => e.envelope.timestamp === "2026-01-01T00:00:00Z")!.envelope;
  deepEqual(sampled[0].metadata, s1.metadata, "the rest is as sent");
});

Deno.test("event types sent by fewer than 5 installs are left out of the sample; a quarter without any other says so, as one without events", () => {
  deepEqual(
    rawDataSample(inQuarter(base, "2026-Q1")).lines.map((l) => JSON.parse(l).event),
    ["scan.started", "scan.completed"],
    "tool.failed, wizard.completed and report.generated came from 3 installs each",
  );
  deepEqual(rawDataSample(inQuarter(base, "2026-Q2")), {
    note: "No event type was sent by at least 5 installs in this quarter: nothing to sample.",
    lines: [],
  });
  deepEqual(rawDataSample(inQuarter(base, "2025-Q3")), {
    note: "No events in this quarter to sample.",
    lines: [],
  });
});
