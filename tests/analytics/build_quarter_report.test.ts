import { deepEqual, equal, ok } from "node:assert/strict";
import {
  buildQuarterReport,
  collectEvents,
  type Collection,
  type Count,
  FOLDED_GROUPS,
  INSTALL_FLOOR,
  parseQuarter,
} from "../../src/analytics/mod.ts";
import { datasetLines } from "../fixtures/analytics/dataset.ts";
import { fixtureTimestamp } from "../fixtures/analytics/fixture_event.ts";
import {
  byInstalls,
  type FloorEvent,
  floorEventLines,
} from "../fixtures/analytics/floor_events.ts";
import { largeQuarterLines, LONG_TOOL } from "../fixtures/analytics/large_quarter.ts";

function collect(lines: string[]): Collection {
  return collectEvents([{ origin: "test", text: lines.join("\n") }]);
}

const dataset = collect(datasetLines());
const crowded = collect(datasetLines({ crowd: true }));
const large = collect(largeQuarterLines());

const DAY_MS = 86_400_000;
const Q1 = "2026-01-10T00:00:00Z";

/** Scans of 5 installs each: one a day from 2025-10-01 in these modes, then from 2026-01-01 in those. */
function scans(q4Modes: string[], q1Modes: string[]): Collection {
  const daily = (from: string) => (mode: string, day: number) =>
    byInstalls(INSTALL_FLOOR, 1, {
      at: fixtureTimestamp(Date.parse(from) + day * DAY_MS),
      scan: { mode },
    });
  return collect(floorEventLines([
    ...q4Modes.flatMap(daily("2025-10-01T00:00:00Z")),
    ...q1Modes.flatMap(daily("2026-01-01T00:00:00Z")),
  ]));
}

function q1Report(collection: Collection) {
  return buildQuarterReport(collection, parseQuarter("2026-Q1")!);
}

function insightsOf(collection: Collection, quarter: string): string[] {
  return buildQuarterReport(collection, parseQuarter(quarter)!).insights
    .map((i) => `${i.title} — ${i.detail}`);
}

function statistic(collection: Collection, label: string): string | undefined {
  return q1Report(collection).statistics.find((s) => s.label === label)?.value;
}

const pairs = (counts: Count[]) => counts.map((c) => [c.key, c.count]);

Deno.test("modes tied as the most used are named together, with the share each has", () => {
  equal(
    insightsOf(scans([], ["cli", "docker"]), "2026-Q1")[2],
    "CLI and Docker are tied as the most used modes — 50% of scans ran in each",
  );
  equal(
    insightsOf(large, "2026-Q1")[2],
    "CLI, Docker, and Wizard are tied as the most used modes — 33.3% of scans ran in each",
  );
  equal(
    insightsOf(scans([], ["cli"]), "2026-Q1")[2],
    "CLI is the most used mode — 100% of scans ran in CLI mode",
  );
});

Deno.test("when two modes moved by the same largest share, both are named", () => {
  equal(
    insightsOf(
      scans(["cli", "cli", "cli", "docker"], ["cli", "docker", "docker", "docker"]),
      "2026-Q1",
    )[2],
    "Docker usage grew and CLI usage fell — 75% of scans ran in Docker mode (25% in Q4 2025); " +
      "25% of scans ran in CLI mode (75% in Q4 2025)",
  );
});

Deno.test("mode shares that did not move are said to be unchanged, not to have grown", () => {
  equal(
    insightsOf(scans(["cli", "docker"], ["docker", "cli", "cli", "docker"]), "2026-Q1")[2],
    "Execution modes unchanged on Q4 2025 — 50% CLI, 50% Docker",
  );
});

Deno.test("a mode shown in only one of the two quarters is not compared: it is not said to have grown from 0%", () => {
  equal(
    insightsOf(scans(["cli"], ["cli", "docker"]), "2026-Q1")[2],
    "CLI usage fell — 50% of scans ran in CLI mode (100% in Q4 2025)",
  );
  equal(
    insightsOf(crowded, "2026-Q1")[2],
    "CLI is the most used mode — 37.5% of scans ran in CLI mode",
    "every mode of Q4 2025 came from fewer than 5 installs: nothing to compare with",
  );
});

Deno.test("a quarter without scans says so, with what the quarter before held, and has no mode insight", () => {
  deepEqual(insightsOf(dataset, "2025-Q3"), [
    "No tool failure rate to report — no tool that at least 5 installs ran reported a failure",
    "No scans in this quarter — none in Q2 2025 either",
  ]);
  equal(insightsOf(dataset, "2026-Q3")[1], "No scans in this quarter — against 1 scan in Q2 2026");
});

Deno.test("every split of the report folds its groups of fewer than 5 installs into one other share, with the smallest shown group when they cover fewer than 5", () => {
  const report = q1Report(crowded);
  deepEqual(pairs(report.platforms), [["Linux", 8], [FOLDED_GROUPS, 7]], "Windows 2, macOS 5");
  deepEqual(pairs(report.profiles), [["balanced", 6], ["fast", 5], [FOLDED_GROUPS, 5]]);
  deepEqual(pairs(report.modes), [["cli", 6], ["docker", 5], ["wizard", 5]]);
  deepEqual(pairs(report.scansByMonth), [["January", 6], ["February", 5], ["March", 5]]);
  deepEqual(report.statistics.slice(3, 7).map((s) => `${s.label}: ${s.value}`), [
    `Platforms: 53.3% Linux, 46.7% ${FOLDED_GROUPS}`,
    "Most Popular Profile: Balanced (37.5%)",
    `Profiles: 37.5% Balanced, 31.3% Fast, 31.3% ${FOLDED_GROUPS}`,
    "Execution Modes: 37.5% CLI, 31.3% Docker, 31.3% Wizard",
  ]);
  const few = q1Report(dataset);
  for (const split of [few.platforms, few.profiles, few.modes, few.scansByMonth]) {
    deepEqual(split.map((c) => c.key), [FOLDED_GROUPS], "9 installs: no group has 5 but one");
  }
  equal(
    statistic(dataset, "Platforms"),
    `100% ${FOLDED_GROUPS}`,
    "Linux, of 5 installs, would give away macOS and Windows together, of 4",
  );
});

Deno.test("a profile or mode is named as the most used only when no folded group can have more scans", () => {
  const events: FloorEvent[] = [
    ...byInstalls(5, 1, { at: Q1, scan: { profile: "balanced", mode: "cli" } }),
    ...byInstalls(5, 6, { at: Q1, scan: { profile: "fast", mode: "docker" } }),
    { install: 6, at: Q1, scan: { profile: "fast", mode: "docker" } },
    ...[1, 2].flatMap(() =>
      byInstalls(4, 11, { at: Q1, scan: { profile: "deep", mode: "wizard" } })
    ),
    { install: 15, at: Q1, scan: { profile: "slim", mode: "cli" } },
  ];
  const collection = collect(floorEventLines(events));
  equal(statistic(collection, "Profiles"), `30% Fast, 25% Balanced, 45% ${FOLDED_GROUPS}`);
  equal(
    statistic(collection, "Most Popular Profile"),
    "not shown (no profile run by at least 5 installs is sure to lead)",
    "deep, of 4 installs, has 8 scans: more than fast",
  );
  equal(statistic(collection, "Execution Modes"), `30% CLI, 70% ${FOLDED_GROUPS}`);
  equal(q1Report(collection).insights.length, 2, "no mode is named the most used");
});

Deno.test("a tool failure rate is reported only for tools that at least 5 installs ran", () => {
  deepEqual(
    q1Report(crowded).toolFailures.map((t) => [t.tool, t.failures, t.runs]),
    [["trivy", 5, 13], ["zap", 1, 5], ["semgrep", 0, 9]],
  );
  deepEqual(
    q1Report(dataset).toolFailures.map((t) => t.tool),
    ["trivy", "semgrep"],
    "zap ran in 3 installs",
  );
  deepEqual([crowded, dataset].map((c) => insightsOf(c, "2026-Q1")[0]), [
    "Least reliable tool: trivy — failed in 38.5% of the scans that ran it (5 of 13: 5 timeout)",
    "Least reliable tool: trivy — failed in 25% of the scans that ran it (2 of 8)",
  ], "without the crowd, the timeouts came from 2 installs: no failure type is shown");
});

Deno.test("failures of a tool that no scan listed are counted, with an unknown rate, once 5 installs reported them", () => {
  const grype = (installs: number) =>
    byInstalls(installs, 20, { at: Q1, failed: { tool: "grype" } });
  deepEqual(insightsOf(collect(floorEventLines(grype(5))), "2026-Q1").slice(0, 1), [
    "Failures of unknown rate: grype — grype failed 5 times: 5 timeout; rate unknown (no scan listed the tool)",
  ]);
  deepEqual(insightsOf(collect(floorEventLines(grype(4))), "2026-Q1").slice(0, 1), [
    "No tool failure rate to report — no tool that at least 5 installs ran reported a failure",
  ]);
  const both = collect(floorEventLines([
    ...byInstalls(5, 1, { at: Q1, scan: { tools: ["trivy"] } }),
    { install: 1, at: Q1, failed: { tool: "trivy" } },
    ...grype(5),
    ...byInstalls(6, 30, { at: Q1, failed: { tool: "nuclei", type: "crash" } }),
  ]));
  deepEqual(insightsOf(both, "2026-Q1").slice(0, 2), [
    "Least reliable tool: trivy — failed in 20% of the scans that ran it (1 of 5)",
    "Failures of unknown rate: nuclei and grype — nuclei failed 6 times: 6 crash; " +
    "grype failed 5 times: 5 timeout; rate unknown (no scan listed these tools)",
  ]);
});

Deno.test("counts of thousands are printed with en-US separators", () => {
  const report = buildQuarterReport(large, parseQuarter("2026-Q1")!);
  deepEqual(report.statistics.slice(0, 3).map((s) => s.value), [
    "12,000",
    "1,200 (anonymous IDs that ran at least one scan)",
    "1,200 (anonymous IDs that sent any event)",
  ]);
  deepEqual(insightsOf(large, "2026-Q1").slice(0, 2), [
    `Least reliable tool: ${LONG_TOOL} — failed in 14.3% of the scans that ran it (1,715 of 12,000: 1,715 timeout)`,
    "12,000 scans — no scans in Q4 2025 to compare with",
  ]);
  equal(
    report.sample.note,
    "The earliest event of each type sent by at least 5 installs in the quarter (2 of 13,835 events; types sent by fewer installs are left out), as sent but without `anonymous_id` and `event_id`, and with the timestamp cut to its day:",
  );
});

Deno.test("the method says that the install floor is applied, and to what", () => {
  const method = q1Report(dataset).method.join("\n");
  ok(
    method.includes(
      `no group of fewer than 5 installs is shown. In every split (platforms, profiles, modes, months, failure types) such groups are folded into one "${FOLDED_GROUPS}" share`,
    ),
    method,
  );
  ok(method.includes("the smallest group shown is folded in too"), method);
  ok(method.includes("A tool's failures are reported only when at least 5 installs ran it"));
  ok(method.includes("the raw data sample holds only event types that at least 5 installs sent"));
});

Deno.test("a source read only in part says so in the method, control characters escaped; a whole one does not", () => {
  const quarter = parseQuarter("2026-Q1")!;
  const partial =
    "GitHub lists only the first 300 files of gist:f00d, more may exist: totals are partial";
  equal(
    buildQuarterReport({ ...dataset, partial }, quarter).method.at(-1),
    `Source read in part: ${partial}`,
  );
  equal(
    buildQuarterReport({ ...dataset, partial: "gist:\u001b[2J\u0007" }, quarter).method.at(-1),
    "Source read in part: gist:\\u001b[2J\\u0007",
  );
  equal(
    buildQuarterReport(dataset, quarter).method.filter((m) => m.startsWith("Source read")).length,
    0,
  );
});
