import { deepEqual, equal } from "node:assert/strict";
import {
  collectEvents,
  type Count,
  eventsBetween,
  parseQuarter,
  summarizeEvents,
  toolFailureRates,
} from "../../src/analytics/mod.ts";
import { datasetLines, installId } from "../fixtures/analytics/dataset.ts";

const { events } = collectEvents([{ origin: "dataset", text: datasetLines().join("\n") }]);
const pairs = (counts: Count[]) => counts.map((c) => [c.key, c.count]);

Deno.test("the whole data set adds up to its known totals and splits", () => {
  const s = summarizeEvents(events);
  deepEqual(
    [
      s.events,
      s.uniqueInstalls,
      s.activeInstalls,
      s.scansStarted,
      s.scansCompleted,
      s.wizardRuns,
      s.toolFailures,
    ],
    [38, 12, 11, 15, 13, 3, 4],
  );
  deepEqual(pairs(s.byType), [
    ["scan.started", 15],
    ["scan.completed", 13],
    ["tool.failed", 4],
    ["wizard.completed", 3],
    ["report.generated", 3],
    ["policy.evaluated", 0],
  ]);
  deepEqual(pairs(s.platforms), [["Linux", 7], ["macOS", 3], ["Windows", 2]]);
  deepEqual(pairs(s.pythonVersions), [["3.12", 5], ["3.11", 4], ["3.10", 2], ["not given", 1]]);
  deepEqual(pairs(s.versions), [["1.0.1", 7], ["0.9.0", 2], ["1.0.0", 2], ["1.1.0", 1]]);
  deepEqual(pairs(s.profiles), [["balanced", 10], ["fast", 3], ["deep", 2], ["slim", 0], [
    "custom",
    0,
  ]]);
  deepEqual(pairs(s.modes), [["cli", 9], ["docker", 4], ["wizard", 2]]);
  deepEqual(pairs(s.tools), [["trivy", 11], ["semgrep", 9], ["zap", 3]]);
  deepEqual(pairs(s.durations), [["<5min", 8], ["5-15min", 3], ["15-30min", 1], [">30min", 1]]);
  deepEqual(pairs(s.findings), [
    ["0", 5],
    ["1-10", 3],
    ["10-100", 2],
    ["100-1000", 1],
    [">1000", 1],
    ["not given", 1],
  ]);
  deepEqual(pairs(s.targetTypes), [["repos", 13], ["images", 7], ["urls", 3], ["iac", 2], [
    "gitlab",
    1,
  ], ["k8s", 1]]);
  equal(s.firstTimestamp, "2025-10-05T10:00:00Z");
  equal(s.lastTimestamp, "2026-04-01T00:10:00Z");
  deepEqual(s.latest.slice(0, 3).map((e) => [e.envelope.timestamp, e.envelope.event]), [
    ["2026-04-01T00:10:00Z", "scan.completed"],
    ["2026-04-01T00:00:00Z", "scan.started"],
    ["2026-03-31T23:59:59Z", "scan.started"],
  ]);
  equal(s.latest.length, 10);
});

Deno.test("an install counts once in the platform, Python and version splits, by its latest event", () => {
  const a = events.filter((e) => e.envelope.anonymous_id === installId("A"));
  const s = summarizeEvents(a);
  equal(s.uniqueInstalls, 1);
  deepEqual(pairs(s.versions), [["1.0.1", 1]], "A ran 0.9.0 in Q4 2025, then 1.0.1");
  deepEqual(pairs(s.pythonVersions), [["3.11", 1]]);
});

Deno.test("a tool's failure rate is its tool.failed events over the scan.started events that list it", () => {
  const rates = toolFailureRates(events).map((t) => [t.tool, t.failures, t.runs, pairs(t.byType)]);
  deepEqual(rates, [
    ["zap", 1, 3, [["timeout", 0], ["crash", 1], ["non_zero_exit", 0]]],
    ["trivy", 3, 11, [["timeout", 3], ["crash", 0], ["non_zero_exit", 0]]],
    ["semgrep", 0, 9, [["timeout", 0], ["crash", 0], ["non_zero_exit", 0]]],
  ]);
  const q1 = parseQuarter("2026-Q1")!;
  const inQ1 = toolFailureRates(eventsBetween(events, { from: q1.start, to: q1.end }));
  deepEqual(inQ1.map((t) => [t.tool, t.rate]), [["zap", 1 / 3], ["trivy", 2 / 8], ["semgrep", 0]]);
});

Deno.test("each split and each tool knows the distinct installs behind it", () => {
  const s = summarizeEvents(events);
  const installs = (groups: { key: string; installs: ReadonlySet<string> }[], key: string) =>
    [...groups.find((g) => g.key === key)!.installs].sort();
  const ids = (letters: string) => [...letters].map(installId).sort();
  deepEqual(installs(s.platforms, "Windows"), ids("HL"));
  deepEqual(installs(s.modes, "docker"), ids("BGIJ"), "4 scans by 4 installs");
  deepEqual(installs(s.profiles, "balanced"), ids("ABCEGJK"), "10 scans by 7 installs");
  deepEqual(installs(s.byType, "tool.failed"), ids("BDHI"));
  const zap = toolFailureRates(events).find((t) => t.tool === "zap")!;
  deepEqual([...zap.installs].sort(), ids("CDG"), "the installs that ran zap or saw it fail");
  deepEqual(installs(zap.byType, "crash"), ids("D"));
});

Deno.test("a failure whose scan is not among the selected events has no rate, and sorts last", () => {
  const failure = events.find((e) => e.envelope.event === "tool.failed")!;
  deepEqual(toolFailureRates([failure]).map((t) => [t.tool, t.runs, t.rate]), [["trivy", 0, null]]);
});

Deno.test("no events summarise to zeros, with every known value listed", () => {
  const s = summarizeEvents([]);
  deepEqual([s.events, s.uniqueInstalls, s.firstTimestamp, s.latest.length], [0, 0, null, 0]);
  deepEqual(pairs(s.platforms), [["Linux", 0], ["macOS", 0], ["Windows", 0]]);
});
