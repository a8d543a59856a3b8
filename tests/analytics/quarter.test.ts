import { deepEqual, equal } from "node:assert/strict";
import {
  collectEvents,
  eventsBetween,
  parseDateBound,
  parseQuarter,
  previousQuarter,
  quarterLabel,
  quarterMonths,
  quarterPeriod,
} from "../../src/analytics/mod.ts";
import { datasetLines } from "../fixtures/analytics/dataset.ts";

Deno.test("a quarter runs from its first UTC midnight, included, to the next quarter's, excluded", () => {
  const q = parseQuarter("2026-Q1")!;
  equal(q.start.toISOString(), "2026-01-01T00:00:00.000Z");
  equal(q.end.toISOString(), "2026-04-01T00:00:00.000Z");
  equal(parseQuarter("2025q4")!.end.toISOString(), "2026-01-01T00:00:00.000Z");
  equal(quarterPeriod(q), "January 1 - March 31, 2026");
  equal(quarterPeriod(parseQuarter("2028-Q3")!), "July 1 - September 30, 2028");
  deepEqual(quarterMonths(parseQuarter("2026-Q4")!), ["October", "November", "December"]);
});

Deno.test("the quarter before Q1 is Q4 of the year before", () => {
  equal(quarterLabel(previousQuarter(parseQuarter("2026-Q1")!)), "Q4 2025");
  equal(quarterLabel(previousQuarter(parseQuarter("2026-Q3")!)), "Q2 2026");
});

Deno.test("anything but YYYY-QN is not a quarter", () => {
  for (const text of ["2026-Q0", "2026-Q5", "26-Q1", "2026", "Q1 2026", "2026-Q1x"]) {
    equal(parseQuarter(text), undefined, text);
  }
});

Deno.test("events at the boundary second fall in the quarter their timestamp names", () => {
  const { events } = collectEvents([{ origin: "dataset", text: datasetLines().join("\n") }]);
  const count = (label: string) => {
    const q = parseQuarter(label)!;
    return eventsBetween(events, { from: q.start, to: q.end }).length;
  };
  deepEqual([count("2025-Q4"), count("2026-Q1"), count("2026-Q2")], [9, 27, 2]);
  const quarter = parseQuarter("2026-Q1")!;
  const q1 = eventsBetween(events, { from: quarter.start, to: quarter.end });
  equal(q1.some((e) => e.envelope.timestamp === "2026-01-01T00:00:00Z"), true);
  equal(q1.some((e) => e.envelope.timestamp === "2026-03-31T23:59:59Z"), true);
  equal(q1.some((e) => e.envelope.timestamp === "2025-12-31T23:59:59Z"), false);
  equal(q1.some((e) => e.envelope.timestamp === "2026-04-01T00:00:00Z"), false);
});

Deno.test("--since takes a UTC date or a date-time with an offset, and refuses impossible days", () => {
  equal(parseDateBound("2026-01-01")?.toISOString(), "2026-01-01T00:00:00.000Z");
  equal(parseDateBound("2026-01-01T02:00:00+02:00")?.toISOString(), "2026-01-01T00:00:00.000Z");
  equal(parseDateBound("2026-03-31T23:59Z")?.toISOString(), "2026-03-31T23:59:00.000Z");
  for (
    const text of [
      "2026-02-30",
      "2026-13-01",
      "yesterday",
      "2026-01-01T10:00:00",
      "2026-01-01T25:00Z",
    ]
  ) {
    equal(parseDateBound(text), undefined, text);
  }
});
