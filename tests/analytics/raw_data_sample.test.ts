import { deepEqual, equal } from "node:assert/strict";
import {
  collectEvents,
  eventsBetween,
  parseQuarter,
  rawDataSample,
} from "../../src/analytics/mod.ts";
import { datasetLines } from "../fixtures/analytics/dataset.ts";

const { events } = collectEvents([{ origin: "dataset", text: datasetLines().join("\n") }]);

function inQuarter(text: string) {
  const quarter = parseQuarter(text)!;
  return eventsBetween(events, { from: quarter.start, to: quarter.end });
}

Deno.test("the sample is the earliest event of each type in the quarter, as sent but without anonymous_id and event_id and with its timestamp cut to the day", () => {
  const sample = rawDataSample(inQuarter("2026-Q1"));
  equal(
    sample.note,
    "The earliest event of each type in the quarter (5 of 27 events), as sent but without `anonymous_id` and `event_id`, and with the timestamp cut to its day:",
  );
  const sampled = sample.lines.map((line) => JSON.parse(line));
  deepEqual(sampled.map((e) => [e.event, e.timestamp]), [
    ["scan.started", "2026-01-01"],
    ["scan.completed", "2026-01-01"],
    ["tool.failed", "2026-01-20"],
    ["wizard.completed", "2026-02-02"],
    ["report.generated", "2026-01-15"],
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
  const s1 = events.find((e) => e.envelope.timestamp === "2026-01-01T00:00:00Z")!.envelope;
  deepEqual(sampled[0].metadata, s1.metadata, "the rest is as sent");
});

Deno.test("a quarter with fewer event types samples fewer events, and one without events says so", () => {
  deepEqual(rawDataSample(inQuarter("2026-Q2")).lines.map((l) => JSON.parse(l).event), [
    "scan.started",
    "scan.completed",
  ]);
  deepEqual(rawDataSample(inQuarter("2025-Q3")), {
    note: "No events in this quarter to sample.",
    lines: [],
  });
});
