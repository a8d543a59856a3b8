import { deepEqual, equal, match, ok } from "node:assert/strict";
import { join } from "node:path";
import { serveGistApi } from "../analytics/gist_api_server.ts";
import { datasetLines } from "../fixtures/analytics/dataset.ts";
import { withDatasetSandbox } from "../fixtures/analytics/dataset_sandbox.ts";
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
    has(md, "- **Total Scans:** 10");
    has(md, "- **Active Installs:** 8 (anonymous IDs that ran at least one scan)");
    has(md, "- **Unique Installs:** 9 (anonymous IDs that sent any event)");
    has(md, "- **Platforms:** 55.6% Linux, 22.2% macOS, 22.2% Windows");
    has(md, "- **Most Popular Profile:** Balanced (60%)");
    has(md, "- **Profiles:** 60% Balanced, 20% Fast, 20% Deep");
    has(md, "- **Execution Modes:** 60% CLI, 20% Docker, 20% Wizard");
    has(
      md,
      "1. **Least reliable tool: zap** — failed in 33.3% of the scans that ran it (1 of 3: 1 crash)",
    );
    has(
      md,
      "2. **Scans up 150% on Q4 2025** — 10 scans against 4; unique installs up 125% (9 against 4)",
    );
    has(md, "3. **Docker usage fell** — 20% of scans ran in Docker mode (50% in Q4 2025)");
    match(md, /## Privacy Compliance\n\n- ✅ Zero PII collected/);
    has(
      md,
      "- The source held 3 duplicate deliveries (counted once) and 2 lines that are not valid events (left out)",
    );
    const sample = lastSection(md).trimEnd().split("\n");
    deepEqual(sample.slice(0, 4), [
      "## Raw Data Sample",
      "",
      "The earliest event of each type in the quarter (5 of 27 events), as sent but without `anonymous_id` and `event_id`, and with the timestamp cut to its day:",
      "",
    ]);
    equal(sample[4], "```jsonl");
    equal(sample.at(-1), "```");
    const events = sample.slice(5, -1).map((line) => JSON.parse(line));
    deepEqual(events.map((e) => e.event), [
      "scan.started",
      "scan.completed",
      "tool.failed",
      "wizard.completed",
      "report.generated",
    ]);
    ok(events.every((e) => !("anonymous_id" in e) && !("event_id" in e)), "no id is published");
    ok(!md.includes("-0000-4000-8000-"), "no UUID of the data set appears anywhere");
  });
});

Deno.test("report counts only events inside the quarter: the boundary seconds fall where their timestamps say", async () => {
  await withDatasetSandbox(async (box, file) => {
    const q2 = (await box.run(["report", "--quarter", "2026-Q2", "--source", file])).stdout;
    has(q2, "**Reporting Period:** April 1 - June 30, 2026 (UTC)");
    has(q2, "- **Total Scans:** 1");
    has(q2, "- **Active Installs:** 1 (anonymous IDs that ran at least one scan)");
    has(q2, "- **Unique Installs:** 2 (anonymous IDs that sent any event)");
    has(q2, "1. **No tool failure rate to report** — no scan reported a failed tool");
    has(
      q2,
      "2. **Scans down 90% on Q1 2026** — 1 scan against 10; unique installs down 77.8% (2 against 9)",
    );
    const q4 = (await box.run(["report", "--quarter", "2025-Q4", "--source", file])).stdout;
    has(q4, "- **Total Scans:** 4");
    has(q4, "- **Unique Installs:** 4 (anonymous IDs that sent any event)");
    has(q4, "- **Execution Modes:** 50% CLI, 50% Docker");
    has(
      q4,
      "1. **Least reliable tool: trivy** — failed in 50% of the scans that ran it (1 of 2: 1 timeout)",
    );
    has(q4, "2. **4 scans** — no scans in Q3 2025 to compare with");
    has(q4, "3. **CLI and Docker are tied as the most used modes** — 50% of scans ran in each");
  });
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
    match(html, /The earliest event of each type in the quarter \(2 of 13,835 events\)/);
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
    match(html, /<strong>Total Scans:<\/strong> 10<\/li>/);
    const sample = html.slice(html.indexOf("<h2>Raw Data Sample</h2>"));
    match(
      sample,
      /^<h2>Raw Data Sample<\/h2>\n<p>The earliest event of each type in the quarter \(5 of 27 events\), as sent but without <code>anonymous_id<\/code> and <code>event_id<\/code>, and with the timestamp cut to its day:<\/p>\n<pre><code>/,
    );
    equal(sample.match(/\{&quot;schema&quot;:1,&quot;event&quot;:/g)?.length, 5, "five events");
    ok(!sample.includes("anonymous_id&quot;") && !sample.includes("event_id&quot;"));
    match(sample, /<\/code><\/pre>\n<\/body><\/html>\n$/, "the sample is the last section");
  });
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
