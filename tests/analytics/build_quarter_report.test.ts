import { deepEqual, equal, ok } from "node:assert/strict";
import {
  buildQuarterReport,
  collectEvents,
  type Collection,
  type Count,
  EVENTS_STEP,
  HIDDEN_GROUPS,
  INSTALLS_STEP,
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

/** The maintainers' secret of these tests: it fixes the offsets, so each report below is the one published. */
const SECRET = "the maintainers' test secret";
/** Installs behind each scan of `scans`: enough that every mode they use shows. */
const INSTALLS = 20;

/** Scans of 20 installs each: one a day from 2025-10-01 in these modes, then from 2026-01-01 in those. */
function scans(q4Modes: string[], q1Modes: string[]): Collection {
  const daily = (from: string) => (mode: string, day: number) =>
    byInstalls(INSTALLS, 1, {
      at: fixtureTimestamp(Date.parse(from) + day * DAY_MS),
      scan: { mode },
    });
  return collect(floorEventLines([
    ...q4Modes.flatMap(daily("2025-10-01T00:00:00Z")),
    ...q1Modes.flatMap(daily("2026-01-01T00:00:00Z")),
  ]));
}

function q1Report(collection: Collection) {
  return buildQuarterReport(collection, parseQuarter("2026-Q1")!, { secret: SECRET });
}

function insightsOf(collection: Collection, quarter: string): string[] {
  return buildQuarterReport(collection, parseQuarter(quarter)!, { secret: SECRET }).insights
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
    insightsOf(crowded, "2026-Q1").length,
    2,
    "no mode of Q1 2026 reaches 10 published installs: no mode insight",
  );
});

Deno.test("a quarter without scans says so, with what the quarter before published, and has no mode insight", () => {
  deepEqual(insightsOf(dataset, "2025-Q3"), [
    "No tool failure rate to report — no tool that at least 10 installs (as published) ran reported a failure",
    "No scans in this quarter — none in Q2 2025 either",
  ]);
  equal(
    insightsOf(dataset, "2026-Q3")[1],
    "No scans in this quarter — against 10 scans in Q2 2026",
    "Q2 2026's 1 scan, published coarse",
  );
});

Deno.test("every split shows only groups whose published installs reach 10, and gathers the rest into one other share published by the same rule", () => {
  const report = q1Report(crowded);
  for (const split of [report.platforms, report.profiles, report.modes, report.scansByMonth]) {
    deepEqual(split.map((c) => c.key), [HIDDEN_GROUPS], "15 installs: no group has 10");
  }
  deepEqual(
    pairs(report.platforms),
    [[HIDDEN_GROUPS, 15]],
    "15 installs, published to a multiple of 5",
  );
  deepEqual(report.statistics.slice(3, 7).map((s) => `${s.label}: ${s.value}`), [
    `Platforms: 100% ${HIDDEN_GROUPS}`,
    "Most Popular Profile: not shown (no profile run by at least 10 installs is sure to lead)",
    `Profiles: 100% ${HIDDEN_GROUPS}`,
    `Execution Modes: 100% ${HIDDEN_GROUPS}`,
  ]);
  const wide = q1Report(scans([], ["cli", "docker"]));
  deepEqual(pairs(wide.modes), [["cli", 20], ["docker", 20]]);
  for (const c of [...wide.modes, ...wide.scansByMonth]) equal(c.count % EVENTS_STEP, 0);
});

Deno.test("a profile or mode is named as the most used only when the groups not shown cannot have more scans", () => {
  const events: FloorEvent[] = [
    ...byInstalls(20, 1, { at: Q1, scan: { profile: "balanced", mode: "cli" } }),
    ...byInstalls(20, 21, { at: Q1, scan: { profile: "fast", mode: "docker" } }),
    ...[1, 2, 3].flatMap(() =>
      byInstalls(8, 41, { at: Q1, scan: { profile: "deep", mode: "wizard" } })
    ),
    { install: 60, at: Q1, scan: { profile: "slim", mode: "cli" } },
  ];
  const collection = collect(floorEventLines(events));
  equal(
    statistic(collection, "Profiles"),
    `33.3% Fast, 33.3% Balanced, 33.3% ${HIDDEN_GROUPS}`,
    "percentages of the published numbers",
  );
  equal(
    statistic(collection, "Most Popular Profile"),
    "not shown (no profile run by at least 10 installs is sure to lead)",
    "deep, of 8 installs, has 24 scans: more than fast",
  );
  equal(statistic(collection, "Execution Modes"), "50% CLI, 50% Docker");
});

Deno.test("a tool failure rate is reported only for tools whose published installs reach 10, from published runs and failures", () => {
  deepEqual(
    q1Report(crowded).toolFailures.map((t) => [t.tool, t.failures, t.runs]),
    [["trivy", 0, 20]],
    "trivy's 5 failures came from 5 installs, zap ran in 5: left out",
  );
  deepEqual(
    q1Report(dataset).toolFailures.map((t) => [t.tool, t.failures, t.runs]),
    [["semgrep", 0, 10], ["trivy", 0, 10]],
    "semgrep and trivy ran in 6 to 9 installs: shown under this key (trivy's 2 failures published as 0); zap, in 3, never",
  );
  deepEqual(
    insightsOf(crowded, "2026-Q1")[0],
    [
      "No tool failure rate to report — no tool that at least 10 installs (as published) ran reported a failure",
    ][0],
  );
});

Deno.test("failures of a tool that no scan listed are counted, with an unknown rate, once their published installs reach 10", () => {
  const grype = (installs: number) =>
    byInstalls(installs, 20, { at: Q1, failed: { tool: "grype" } });
  deepEqual(insightsOf(collect(floorEventLines(grype(12))), "2026-Q1").slice(0, 1), [
    "Failures of unknown rate: grype — grype failed 10 times: 10 timeout; rate unknown (no scan listed the tool)",
  ]);
  deepEqual(insightsOf(collect(floorEventLines(grype(5))), "2026-Q1").slice(0, 1), [
    "No tool failure rate to report — no tool that at least 10 installs (as published) ran reported a failure",
  ]);
  const both = collect(floorEventLines([
    ...byInstalls(20, 1, { at: Q1, scan: { tools: ["trivy"] } }),
    ...byInstalls(4, 1, { at: Q1, failed: { tool: "trivy" } }),
    ...grype(12),
    ...byInstalls(15, 40, { at: Q1, failed: { tool: "nuclei", type: "crash" } }),
  ]));
  deepEqual(insightsOf(both, "2026-Q1").slice(0, 1), [
    "Failures of unknown rate: nuclei and grype — nuclei failed 20 times: 20 crash; " +
    "grype failed 10 times: 10 timeout; rate unknown (no scan listed these tools)",
  ], "the same true 15 is published the same as nuclei's failures and as its crashes");
});

Deno.test("counts of thousands are printed with en-US separators", () => {
  const report = q1Report(large);
  deepEqual(report.statistics.slice(0, 3).map((s) => s.value), [
    "12,000",
    "1,200 (anonymous IDs that ran at least one scan)",
    "1,200 (anonymous IDs that sent any event)",
  ]);
  deepEqual(insightsOf(large, "2026-Q1").slice(0, 2), [
    `Least reliable tool: ${LONG_TOOL} — failed in 14.2% of the scans that ran it (1,710 of 12,000: 1,710 timeout)`,
    "12,000 scans — no scans in Q4 2025 to compare with",
  ]);
  equal(
    report.sample.note,
    "The earliest event of each type sent by at least 10 installs (as published) in the quarter (2 of 13,830 events, as published; types sent by fewer installs are left out), as sent but without `anonymous_id` and `event_id`, and with the timestamp cut to its day:",
  );
});

Deno.test("the method says that every number is a coarse cell, how it is keyed, and that a group needs 10 published installs", () => {
  const method = q1Report(dataset).method.join("\n");
  ok(
    method.includes(
      "every number (totals, each group of each split, a tool's runs and failures, the sample's event count) is the true count plus a secret offset, rounded down to a multiple of 10 (events and scans) or 5 (installs)",
    ),
    method,
  );
  ok(method.includes("percentages are computed from these published numbers"), method);
  ok(method.includes("the same events always give this same report"), method);
  ok(
    method.includes(
      "shows only when its published installs reach 10 installs: a group of 5 installs or fewer never shows",
    ),
    method,
  );
  ok(method.includes(`gathered into one "${HIDDEN_GROUPS}" share`), method);
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

/** The true values a published count allows: it is the true one plus 0 to step - 1, rounded down. */
function window(published: number, step: number): [number, number] {
  return [Math.max(0, published - step + 1), published + step - 1];
}

/** A published statistic's leading number, as `Total Scans: 1,230` gives 1230. */
function leading(report: ReturnType<typeof q1Report>, label: string): number {
  const value = report.statistics.find((s) => s.label === label)!.value;
  return Number(value.split(" ")[0].replaceAll(",", ""));
}

/** 30 Linux installs with 3 balanced CLI scans each, and one Windows install with 7 fast Docker scans. */
function loneInstall(padding: FloorEvent[] = []): Collection {
  return collect(floorEventLines([
    ...[1, 2, 3].flatMap(() =>
      byInstalls(30, 1, { at: Q1, scan: { profile: "balanced", mode: "cli" } })
    ),
    ...Array.from({ length: 7 }, (): FloorEvent => ({
      install: 99,
      at: Q1,
      platform: "Windows",
      scan: { profile: "fast", mode: "docker" },
    })),
    ...padding,
  ]));
}

const KEYS = Array.from({ length: 20 }, (_, i) => `maintainers' secret ${i}`);

Deno.test("subtraction across the report's splits recovers nothing exact about a lone install: total − CLI scans and unique installs − Linux leave windows in which zero fits as well as the truth", () => {
  const estimates = new Set<number>();
  for (const secret of KEYS) {
    const report = buildQuarterReport(loneInstall(), parseQuarter("2026-Q1")!, { secret });
    deepEqual(report.platforms.map((c) => c.key), ["Linux"], "Windows, 1 install, never shows");
    deepEqual(report.modes.map((c) => c.key), ["cli"], "Docker, 1 install, never shows");
    const [totalLow, totalHigh] = window(leading(report, "Total Scans"), EVENTS_STEP);
    const [cliLow, cliHigh] = window(report.modes[0].count, EVENTS_STEP);
    const scans = [Math.max(0, totalLow - cliHigh), totalHigh - cliLow];
    ok(scans[0] <= 0 && scans[1] >= 7, `${scans}: both 0 and the true 7 scans fit`);
    ok(scans[1] - scans[0] >= EVENTS_STEP, `${scans}: a window of values, not one`);
    const [allLow, allHigh] = window(leading(report, "Unique Installs"), INSTALLS_STEP);
    const [linuxLow, linuxHigh] = window(report.platforms[0].count, INSTALLS_STEP);
    const installs = [allLow - linuxHigh, allHigh - linuxLow];
    ok(installs[0] <= 0 && installs[1] >= 1, `${installs}: 0 installs fits as well as 1`);
    estimates.add(leading(report, "Total Scans") - report.modes[0].count);
  }
  ok(estimates.size > 1, "what the subtraction gives depends on the key, not on the lone install");
});

Deno.test("padding a hidden group with four made-up installs never makes it show; padding it until it shows leaves zero other installs fitting as well as one", () => {
  const madeUp = (count: number) =>
    byInstalls(count, 200, {
      at: Q1,
      platform: "Windows",
      scan: { profile: "fast", mode: "docker" },
    });
  for (const secret of KEYS) {
    const padded = buildQuarterReport(loneInstall(madeUp(4)), parseQuarter("2026-Q1")!, { secret });
    deepEqual(padded.platforms.map((c) => c.key), ["Linux"], "5 Windows installs never show");
    deepEqual(padded.modes.map((c) => c.key), ["cli"], "nor their 11 Docker scans");
    const shown = buildQuarterReport(loneInstall(madeUp(13)), parseQuarter("2026-Q1")!, { secret });
    const windows = shown.platforms.find((c) => c.key === "Windows");
    ok(windows !== undefined, "14 Windows installs always show");
    const [low, high] = window(windows.count, INSTALLS_STEP).map((n) => n - 13);
    ok(low <= 0 && high >= 1, `${low}..${high} other installs: none fits as well as one`);
  }
});

Deno.test("the same events give the same report, with or without a secret; another secret gives other offsets", () => {
  const quarter = parseQuarter("2026-Q1")!;
  deepEqual(
    buildQuarterReport(large, quarter),
    buildQuarterReport(collect(largeQuarterLines()), quarter),
  );
  deepEqual(
    buildQuarterReport(large, quarter, { secret: "s" }),
    buildQuarterReport(large, quarter, { secret: "s" }),
  );
  const totals = new Set(
    KEYS.map((secret) =>
      leading(buildQuarterReport(loneInstall(), quarter, { secret }), "Total Scans")
    ),
  );
  deepEqual([...totals].sort(), [100, 90].sort(), "97 scans: 90 or 100 as the key draws");
});
