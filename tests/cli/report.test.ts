import { deepEqual, equal, match, ok } from "node:assert/strict";
import { join } from "node:path";
import { serveGistApi } from "../analytics/gist_api_server.ts";
import { datasetLines } from "../fixtures/analytics/dataset.ts";
import { withDatasetSandbox } from "../fixtures/analytics/dataset_sandbox.ts";
import { byInstalls, floorEventLines } from "../fixtures/analytics/floor_events.ts";
import {
  controlCharacters,
  HOSTILE,
  HOSTILE_ESCAPED,
  hostileLine,
} from "../fixtures/analytics/hostile_text.ts";
import { largeQuarterLines, LONG_TOOL } from "../fixtures/analytics/large_quarter.ts";
import { makeSandbox, type Sandbox } from "../helpers/run_binary.ts";

function has(text: string, line: string): void {
  ok(text.split("\n").includes(line), `missing line: ${line}\n--- in ---\n${text}`);
}

/** The Markdown report's last section, from its heading to the end. */
function lastSection(md: string): string {
  return md.slice(md.lastIndexOf("\n## ") + 1);
}

/**
 * The report for these arguments in Markdown (on stdout) and in HTML
 * (written to a file), with what the Markdown run wrote on stderr.
 */
async function bothReports(
  box: Sandbox,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ md: string; html: string; stderr: string }> {
  const md = await box.run(["report", ...args], { env });
  equal(md.code, 0, md.stderr);
  const out = join(box.cwd, "report.html");
  const html = await box.run(["report", ...args, "--format", "html", "--output", out], { env });
  equal(html.code, 0, html.stderr);
  return { md: md.stdout, html: await Deno.readTextFile(out), stderr: md.stderr };
}

Deno.test("report for Q1 2026 gives the seeds' sections with the data set's known numbers", async () => {
  await withDatasetSandbox(async (box, file) => {
    const r = await box.run(["report", "--quarter", "2026-Q1", "--source", file]);
    equal(r.code, 0, r.stderr);
    const md = r.stdout;
    has(md, "# JMo Security Telemetry Transparency Report — Q1 2026");
    has(md, "**Reporting Period:** January 1 - March 31, 2026 (UTC)");
    has(md, "- **Total Scans:** 16");
    has(md, "- **Active Installs:** 14 (anonymous IDs that ran at least one scan)");
    has(md, "- **Unique Installs:** 15 (anonymous IDs that sent any event)");
    has(md, "- **Platforms:** 53.3% Linux, 46.7% other (groups of fewer than 5 installs)");
    has(md, "- **Most Popular Profile:** Balanced (37.5%)");
    has(
      md,
      "- **Profiles:** 37.5% Balanced, 31.3% Fast, 31.3% other (groups of fewer than 5 installs)",
    );
    has(md, "- **Execution Modes:** 37.5% CLI, 31.3% Docker, 31.3% Wizard");
    has(
      md,
      "1. **Least reliable tool: trivy** — failed in 38.5% of the scans that ran it (5 of 13: 5 timeout)",
    );
    has(
      md,
      "2. **Scans up 300% on Q4 2025** — 16 scans against 4; unique installs up 275% (15 against 4)",
    );
    has(md, "3. **CLI is the most used mode** — 37.5% of scans ran in CLI mode");
    match(md, /## Privacy Compliance\n\n- ✅ Zero PII collected/);
    has(
      md,
      "- The source held 3 duplicate deliveries (counted once) and 2 lines that are not valid events (left out)",
    );
    const sample = lastSection(md).trimEnd().split("\n");
    deepEqual(sample.slice(0, 4), [
      "## Raw Data Sample",
      "",
      "The earliest event of each type sent by at least 5 installs in the quarter (3 of 42 events; types sent by fewer installs are left out), as sent but without `anonymous_id` and `event_id`, and with the timestamp cut to its day:",
      "",
    ]);
    equal(sample[4], "```jsonl");
    equal(sample.at(-1), "```");
    const events = sample.slice(5, -1).map((line) => JSON.parse(line));
    deepEqual(
      events.map((e) => e.event),
      ["scan.started", "scan.completed", "tool.failed"],
      "wizard.completed and report.generated came from 3 installs each",
    );
    ok(events.every((e) => !("anonymous_id" in e) && !("event_id" in e)), "no id is published");
    ok(!md.includes("-0000-4000-8000-"), "no UUID of the data set appears anywhere");
  }, datasetLines({ crowd: true }));
});

Deno.test("report counts only events inside the quarter: the boundary seconds fall where their timestamps say", async () => {
  await withDatasetSandbox(async (box, file) => {
    const q2 = (await box.run(["report", "--quarter", "2026-Q2", "--source", file])).stdout;
    has(q2, "**Reporting Period:** April 1 - June 30, 2026 (UTC)");
    has(q2, "- **Total Scans:** 1");
    has(q2, "- **Active Installs:** 1 (anonymous IDs that ran at least one scan)");
    has(q2, "- **Unique Installs:** 2 (anonymous IDs that sent any event)");
    has(
      q2,
      "1. **No tool failure rate to report** — no tool that at least 5 installs ran reported a failure",
    );
    has(
      q2,
      "2. **Scans down 90% on Q1 2026** — 1 scan against 10; unique installs down 77.8% (2 against 9)",
    );
    const q4 = (await box.run(["report", "--quarter", "2025-Q4", "--source", file])).stdout;
    has(q4, "- **Total Scans:** 4");
    has(q4, "- **Unique Installs:** 4 (anonymous IDs that sent any event)");
    has(q4, "- **Execution Modes:** 100% other (groups of fewer than 5 installs)");
    has(
      q4,
      "1. **No tool failure rate to report** — no tool that at least 5 installs ran reported a failure",
    );
    has(q4, "2. **4 scans** — no scans in Q3 2025 to compare with");
    ok(!q4.includes("\n3. "), "no mode of the 4 installs is named");
  });
});

Deno.test("a report of 2 installs names no platform, profile, mode, tool or event of theirs, in Markdown and HTML", async () => {
  const at = "2026-02-01T10:00:00Z";
  const lines = floorEventLines([
    { install: 1, at, platform: "Linux", scan: { tools: ["trivy", "semgrep"] } },
    { install: 1, at, platform: "Linux", failed: { tool: "trivy" } },
    { install: 2, at, platform: "Windows", scan: { profile: "fast", mode: "docker" } },
  ]);
  await withDatasetSandbox(async (box, file) => {
    const { md, html } = await bothReports(box, ["--quarter", "2026-Q1", "--source", file]);
    const other = "100% other (groups of fewer than 5 installs)";
    has(md, `- **Platforms:** ${other}`);
    has(md, `- **Profiles:** ${other}`);
    has(md, `- **Execution Modes:** ${other}`);
    has(
      md,
      "1. **No tool failure rate to report** — no tool that at least 5 installs ran reported a failure",
    );
    equal(
      lastSection(md),
      "## Raw Data Sample\n\nNo event type was sent by at least 5 installs in this quarter: nothing to sample.\n",
    );
    for (const name of ["Linux", "Windows", "trivy", "semgrep", "Balanced", "Fast", "CLI", "50%"]) {
      ok(!md.includes(name), `the Markdown does not name ${name}`);
      ok(!html.includes(name), `the HTML does not name ${name}`);
    }
    ok(!html.includes("<pre>"), "no event is sampled");
  }, lines);
});

Deno.test("failures of a tool that no scan listed are reported with an unknown rate once 5 installs reported them", async () => {
  const failures = (installs: number) =>
    floorEventLines(
      byInstalls(installs, 1, { at: "2026-02-01T10:00:00Z", failed: { tool: "trivy" } }),
    );
  await withDatasetSandbox(async (box, file) => {
    const { md, html } = await bothReports(box, ["--quarter", "2026-Q1", "--source", file]);
    has(
      md,
      "1. **Failures of unknown rate: trivy** — trivy failed 5 times: 5 timeout; rate unknown (no scan listed the tool)",
    );
    ok(
      html.includes("<li><strong>Failures of unknown rate: trivy</strong> — trivy failed 5 times"),
    );
  }, failures(5));
  await withDatasetSandbox(async (box, file) => {
    const { md, html } = await bothReports(box, ["--quarter", "2026-Q1", "--source", file]);
    has(
      md,
      "1. **No tool failure rate to report** — no tool that at least 5 installs ran reported a failure",
    );
    ok(!md.includes("trivy") && !html.includes("trivy"), "4 installs' failures are not shown");
  }, failures(4));
});

Deno.test("report of a quarter without events says there are no scans and nothing to sample, in Markdown and HTML", async () => {
  await withDatasetSandbox(async (box, file) => {
    const { md, html } = await bothReports(box, ["--quarter", "2025-Q3", "--source", file]);
    has(md, "- **Total Scans:** 0");
    has(md, "2. **No scans in this quarter** — none in Q2 2025 either");
    ok(!md.includes("3. "), "no mode insight without scans");
    equal(lastSection(md), "## Raw Data Sample\n\nNo events in this quarter to sample.\n");
    match(html, /<li><strong>No scans in this quarter<\/strong> — none in Q2 2025 either<\/li>/);
    match(
      html,
      /<h2>Raw Data Sample<\/h2>\n<p>No events in this quarter to sample\.<\/p>\n<\/body>/,
    );
    ok(!html.includes("<pre>"));
  });
});

Deno.test("report prints counts in the thousands with en-US separators, in Markdown and HTML", async () => {
  await withDatasetSandbox(async (box, file) => {
    const { md, html } = await bothReports(box, ["--quarter", "2026-Q1", "--source", file]);
    has(md, "- **Total Scans:** 12,000");
    has(md, "- **Active Installs:** 1,200 (anonymous IDs that ran at least one scan)");
    has(
      md,
      `1. **Least reliable tool: ${LONG_TOOL}** — failed in 14.3% of the scans that ran it (1,715 of 12,000: 1,715 timeout)`,
    );
    has(md, "2. **12,000 scans** — no scans in Q4 2025 to compare with");
    has(
      md,
      "3. **CLI, Docker, and Wizard are tied as the most used modes** — 33.3% of scans ran in each",
    );
    match(html, /<strong>Total Scans:<\/strong> 12,000<\/li>/);
    match(html, />14\.3% \(1,715 of 12,000\)<\/text>/);
    match(html, />33\.3% \(4,000\)<\/text>/);
    match(
      html,
      /The earliest event of each type sent by at least 5 installs in the quarter \(2 of 13,835 events;/,
    );
  }, largeQuarterLines());
});

Deno.test("report of a Gist that GitHub lists only in part says in its method that the totals are partial", async () => {
  await using api = await serveGistApi("f00d", {
    "events-20260101T000000Z-aaaa.jsonl": { content: datasetLines().join("\n") },
  }, { truncatedList: true });
  const box = await makeSandbox();
  const { md, html, stderr } = await bothReports(box, [
    "--quarter",
    "2026-Q1",
    "--source",
    "gist:f00d",
  ], {
    JMO_TELEMETRY_GITHUB_API: api.apiBase,
  });
  const partial =
    "Source read in part: GitHub lists only the first 300 files of gist:f00d, more may exist: totals are partial";
  has(md, `- ${partial}`);
  ok(html.includes(`<li>${partial}</li>`));
  match(stderr, /^jmo-telemetry report: GitHub lists only the first 300 files of gist:f00d; /m);
  await box.remove();
});

Deno.test("report --format html writes one self-contained page with an inline SVG chart per split", async () => {
  await withDatasetSandbox(async (box, file) => {
    const out = join(box.cwd, "q1.html");
    const r = await box.run([
      "report",
      "--quarter",
      "2026-Q1",
      "--source",
      file,
      "--format",
      "html",
      "--output",
      out,
    ]);
    equal(r.code, 0, r.stderr);
    equal(r.stdout, "");
    const html = await Deno.readTextFile(out);
    match(html, /^<!DOCTYPE html>/);
    equal(html.match(/<svg class="chart"/g)?.length, 5);
    ok(
      !/<script|<link|\bsrc=|\bhref=|@import|url\(/i.test(html),
      "nothing is loaded from elsewhere",
    );
    match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    match(html, /<strong>Total Scans:<\/strong> 16<\/li>/);
    const sample = html.slice(html.indexOf("<h2>Raw Data Sample</h2>"));
    match(
      sample,
      /^<h2>Raw Data Sample<\/h2>\n<p>The earliest event of each type sent by at least 5 installs in the quarter \(3 of 42 events; types sent by fewer installs are left out\), as sent but without <code>anonymous_id<\/code> and <code>event_id<\/code>, and with the timestamp cut to its day:<\/p>\n<pre><code>/,
    );
    equal(sample.match(/\{&quot;schema&quot;:1,&quot;event&quot;:/g)?.length, 3, "three events");
    ok(!sample.includes("anonymous_id&quot;") && !sample.includes("event_id&quot;"));
    match(sample, /<\/code><\/pre>\n<\/body><\/html>\n$/, "the sample is the last section");
  }, datasetLines({ crowd: true }));
});

Deno.test("report refuses a missing or malformed quarter or format, or gist: without an id, with exit 2", async () => {
  await withDatasetSandbox(async (box, file) => {
    const cases: [string[], RegExp][] = [
      [[], /missing --quarter YYYY-QN/],
      [["--quarter", "2026-Q5"], /--quarter '2026-Q5' is not a quarter: give it as 2026-Q1/],
      [["--quarter", "2026-Q1", "--format", "pdf"], /--format takes md or html, not 'pdf'/],
    ];
    for (const [args, message] of cases) {
      const r = await box.run(["report", "--source", file, ...args]);
      equal(r.code, 2, args.join(" "));
      match(r.stderr, message);
      match(r.stderr, /Usage: jmo-telemetry report --quarter YYYY-QN/);
    }
    const noId = await box.run(["report", "--quarter", "2026-Q1", "--source", "gist:"]);
    equal(noId.code, 2);
    match(
      noId.stderr,
      /^jmo-telemetry report: the Gist id is missing: give the source as gist:<id>/,
    );
    match(noId.stderr, /Usage: jmo-telemetry report --quarter YYYY-QN/);
  });
});

Deno.test("report refuses a quarter before 2000 with exit 2, rather than read 0050 as 1950", async () => {
  await withDatasetSandbox(async (box, file) => {
    for (const quarter of ["0050-Q1", "1999-Q4"]) {
      const r = await box.run(["report", "--quarter", quarter, "--source", file]);
      equal(r.code, 2, quarter);
      match(
        r.stderr,
        new RegExp(
          `--quarter '${quarter}' is before 2000: give a quarter from 2000 on, such as 2026-Q1`,
        ),
      );
      match(r.stderr, /Usage: jmo-telemetry report --quarter YYYY-QN/);
      equal(r.stdout, "");
    }
    const y2k = await box.run(["report", "--quarter", "2000-Q1", "--source", file]);
    equal(y2k.code, 0, y2k.stderr);
  });
});

Deno.test("report prints what the source and the arguments hold with control characters escaped", async () => {
  await withDatasetSandbox(async (box, file) => {
    const r = await box.run(["report", "--quarter", "2026-Q1", "--source", file]);
    equal(r.code, 0, r.stderr);
    ok(r.stderr.includes(`metadata.${HOSTILE_ESCAPED}: unknown key)`), r.stderr);
    deepEqual(controlCharacters(r.stderr + r.stdout), []);
    const bad = await box.run(["report", "--quarter", HOSTILE, "--source", file]);
    equal(bad.code, 2);
    ok(bad.stderr.includes(`--quarter '${HOSTILE_ESCAPED}' is not a quarter`), bad.stderr);
    deepEqual(controlCharacters(bad.stderr), []);
  }, [hostileLine(), ...datasetLines()]);
});
