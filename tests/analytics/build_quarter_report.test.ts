import { deepEqual, equal } from "node:assert/strict";
import {
  buildQuarterReport,
  collectEvents,
  type Collection,
  parseQuarter,
} from "../../src/analytics/mod.ts";
import { datasetLines } from "../fixtures/analytics/dataset.ts";
import {
  fixtureEnvelope,
  fixtureTimestamp,
  fixtureUuid,
} from "../fixtures/analytics/fixture_event.ts";
import { largeQuarterLines, LONG_TOOL } from "../fixtures/analytics/large_quarter.ts";

const dataset = collectEvents([{ origin: "dataset", text: datasetLines().join("\n") }]);
const large = collectEvents([{ origin: "large", text: largeQuarterLines().join("\n") }]);

const DAY_MS = 86_400_000;

/** One install's scans: one a day from 2025-10-01 in these modes, then from 2026-01-01 in those. */
function scans(q4Modes: string[], q1Modes: string[]): Collection {
  const install = { id: fixtureUuid(0xc, 1), platform: "Linux", version: "1.0.1" };
  const daily = (from: string) => (mode: string, day: number) => ({
    mode,
    at: Date.parse(from) + day * DAY_MS,
  });
  const started = [
    ...q4Modes.map(daily("2025-10-01T00:00:00Z")),
    ...q1Modes.map(daily("2026-01-01T00:00:00Z")),
  ];
  const lines = started.map(({ mode, at }, i) =>
    JSON.stringify(fixtureEnvelope(install, i + 1, fixtureTimestamp(at), "scan.started", {
      mode,
      profile: "balanced",
      tools: ["trivy"],
      target_types: { repos: 1, images: 0, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
    }))
  );
  return collectEvents([{ origin: "scans", text: lines.join("\n") }]);
}

function insightsOf(collection: Collection, quarter: string): string[] {
  return buildQuarterReport(collection, parseQuarter(quarter)!).insights
    .map((i) => `${i.title} — ${i.detail}`);
}

Deno.test("modes tied as the most used are named together, with the share each has", () => {
  equal(
    insightsOf(dataset, "2025-Q4")[2],
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
    insightsOf(scans(["cli", "cli"], ["cli", "docker"]), "2026-Q1")[2],
    "CLI usage fell and Docker usage grew — 50% of scans ran in CLI mode (100% in Q4 2025); " +
      "50% of scans ran in Docker mode (0% in Q4 2025)",
  );
});

Deno.test("mode shares that did not move are said to be unchanged, not to have grown", () => {
  equal(
    insightsOf(scans(["cli", "docker"], ["docker", "cli", "cli", "docker"]), "2026-Q1")[2],
    "Execution modes unchanged on Q4 2025 — 50% CLI, 50% Docker",
  );
});

Deno.test("a quarter without scans says so, with what the quarter before held, and has no mode insight", () => {
  deepEqual(insightsOf(dataset, "2025-Q3"), [
    "No tool failure rate to report — no scan reported a failed tool",
    "No scans in this quarter — none in Q2 2025 either",
  ]);
  equal(insightsOf(dataset, "2026-Q3")[1], "No scans in this quarter — against 1 scan in Q2 2026");
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
    "The earliest event of each type in the quarter (2 of 13,835 events), as sent but without `anonymous_id` and `event_id`, and with the timestamp cut to its day:",
  );
});

Deno.test("a source read only in part says so in the method; a whole one does not", () => {
  const quarter = parseQuarter("2026-Q1")!;
  const partial =
    "GitHub lists only the first 300 files of gist:f00d, more may exist: totals are partial";
  equal(
    buildQuarterReport({ ...dataset, partial }, quarter).method.at(-1),
    `Source read in part: ${partial}`,
  );
  equal(
    buildQuarterReport(dataset, quarter).method.filter((m) => m.startsWith("Source read")).length,
    0,
  );
});
