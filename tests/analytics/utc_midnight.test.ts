import { equal } from "node:assert/strict";
import { parseDateBound, parseQuarter, utcMidnight } from "../../src/analytics/mod.ts";

Deno.test("a year below 100 is that year, not one of 1900 to 1999 as Date.UTC reads it", () => {
  equal(utcMidnight(50, 0, 1).getUTCFullYear(), 50);
  equal(utcMidnight(2026, 2, 31).toISOString(), "2026-03-31T00:00:00.000Z");
  equal(utcMidnight(2026, 12, 1).toISOString(), "2027-01-01T00:00:00.000Z", "months roll over");
  equal(parseQuarter("0050-Q1")?.start.getUTCFullYear(), 50);
  equal(parseQuarter("0050-Q4")?.end.getUTCFullYear(), 51);
  equal(parseDateBound("0050-01-01")?.getUTCFullYear(), 50);
});
