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
    // 16 scans, 14 active and 15 installs (Linux 8, macOS 5, Windows 2), published coarse.
    has(md, "- **Total Scans:** 20");
    has(md, "- **Active Installs:** 15 (anonymous IDs that ran at least one scan)");
    has(md, "- **Unique Installs:** 15 (anonymous IDs that sent any event)");
    has(md, "- **Platforms:** 50% Linux, 50% other (groups not shown)");
    has(
      md,
      "- **Most Popular Profile:** not shown (no profile run by at least 10 installs is sure to lead)",
    );
    has(md, "- **Profiles:** 100% other (groups not shown)");
    has(md, "- **Execution Modes:** 100% other (groups not shown)");
    has(
      md,
      "1. **No tool failure rate to report** — no tool that at least 10 installs (as published) ran reported a failure",
    );
    has(md, "2. **20 scans** — no scans in Q4 2025 to compare with");
    ok(!md.includes("\n3. "), "no mode reaches 10 published installs: none is named");
    match(md, /## Privacy Compliance\n\n- ✅ Zero PII collected/);
    has(
      md,
      "- The source held 3 duplicate deliveries (counted once) and 2 lines that are not valid events (left out)",
    );
    const sample = lastSection(md).trimEnd().split("\n");
    deepEqual(sample.slice(0, 4), [
      "## Raw Data Sample",
      "",
      "The earliest event of each type sent by at least 10 installs (as published) in the quarter (2 of 40 events, as published; types sent by fewer installs are left out), as sent but without `anonymous_id` and `event_id`, and with the timestamp cut to its day:",
      "",
    ]);
    equal(sample[4], "```jsonl");
    equal(sample.at(-1), "```");
    const events = sample.slice(5, -1).map((line) => JSON.parse(line));
    deepEqual(
      events.map((e) => e.event),
      ["scan.started", "scan.completed"],
      "tool.failed came from 6 installs, wizard.completed and report.generated from 3 each",
    );
    ok(events.every((e) => !("anonymous_id" in e) && !("event_id" in e)), "no id is published");
    ok(!md.includes("-0000-4000-8000-"), "no UUID of the data set appears anywhere");
  }, datasetLines({ crowd: true }));
});

Deno.test("report counts only events inside the quarter: the boundary seconds fall where their timestamps say", async () => {
  await withDatasetSandbox(async (box, file) => {
    const q2 = (await box.run(["report", "--quarter", "2026-Q2", "--source", file])).stdout;
    has(q2, "**Reporting Period:** April 1 - June 30, 2026 (UTC)");
    // Q2: 1 scan of 1 install (K at 00:00:00), 2 installs; Q1's 10 scans (s10 at 23:59:59) published as 10.
    has(q2, "- **Total Scans:** 0");
    has(q2, "- **Active Installs:** 0 (anonymous IDs that ran at least one scan)");
    has(q2, "- **Unique Installs:** 0 (anonymous IDs that sent any event)");
    has(
      q2,
      "1. **No tool failure rate to report** — no tool that at least 10 installs (as published) ran reported a failure",
    );
    has(q2, "2. **No scans in this quarter** — against 10 scans in Q1 2026");
    const q4 = (await box.run(["report", "--quarter", "2025-Q4", "--source", file])).stdout;
    // Q4: 4 scans (p4 at 23:59:59) of 4 installs.
    has(q4, "- **Total Scans:** 0");
    has(q4, "- **Unique Installs:** 5 (anonymous IDs that sent any event)");
    has(q4, "- **Execution Modes:** none shown (no group reaches 10 published installs)");
    has(
      q4,
      "1. **No tool failure rate to report** — no tool that at least 10 installs (as published) ran reported a failure",
    );
    has(q4, "2. **No scans in this quarter** — none in Q3 2025 either");
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
    const other = "none shown (no group reaches 10 published installs)";
    has(md, `- **Platforms:** ${other}`);
    has(md, `- **Profiles:** ${other}`);
    has(md, `- **Execution Modes:** ${other}`);
    has(
      md,
      "1. **No tool failure rate to report** — no tool that at least 10 installs (as published) ran reported a failure",
    );
    equal(
      lastSection(md),
      "## Raw Data Sample\n\nNo event type was sent by at least 10 installs (as published) in this quarter: nothing to sample.\n",
    );
    for (const name of ["Linux", "Windows", "trivy", "semgrep", "Balanced", "Fast", "CLI", "50%"]) {
      ok(!md.includes(name), `the Markdown does not name ${name}`);
      ok(!html.includes(name), `the HTML does not name ${name}`);
    }
    ok(!html.includes("<pre>"), "no event is sampled");
  }, lines);
});

Deno.test("failures of a tool that no scan listed are reported with an unknown rate once 12 installs reported them, never for 5", async () => {
  const failures = (installs: number) =>
    floorEventLines(
      byInstalls(installs, 1, { at: "2026-02-01T10:00:00Z", failed: { tool: "trivy" } }),
    );
  await withDatasetSandbox(async (box, file) => {
    const { md, html } = await bothReports(box, ["--quarter", "2026-Q1", "--source", file]);
    match(
      md,
      /^1\. \*\*Failures of unknown rate: trivy\*\* — trivy failed (10|20) times: \1 timeout; rate unknown \(no scan listed the tool\)$/m,
      "12 failures, published coarse",
    );
    match(
      html,
      /<li><strong>Failures of unknown rate: trivy<\/strong> — trivy failed (10|20) times/,
    );
  }, failures(12));
  await withDatasetSandbox(async (box, file) => {
    const { md, html } = await bothReports(box, ["--quarter", "2026-Q1", "--source", file]);
    has(
      md,
      "1. **No tool failure rate to report** — no tool that at least 10 installs (as published) ran reported a failure",
    );
    ok(!md.includes("trivy") && !html.includes("trivy"), "5 installs' failures are not shown");
  }, failures(5));
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
      `1. **Least reliable tool: ${LONG_TOOL}** — failed in 14.3% of the scans that ran it (1,720 of 12,000: 1,720 timeout)`,
    );
    has(md, "2. **12,000 scans** — no scans in Q4 2025 to compare with");
    has(
      md,
      "3. **CLI, Docker, and Wizard are tied as the most used modes** — 33.3% of scans ran in each",
    );
    match(html, /<strong>Total Scans:<\/strong> 12,000<\/li>/);
    match(html, />14\.3% \(1,720 of 12,000\)<\/text>/);
    match(html, />33\.3% \(4,000\)<\/text>/);
    match(
      html,
      /The earliest event of each type sent by at least 10 installs \(as published\) in the quarter \(2 of 13,840 events, as published;/,
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
    equal(
      html.match(/<svg class="chart"/g)?.length,
      4,
      "no tool reaches 10 published installs: no failure rate chart",
    );
    ok(
      !/<script|<link|\bsrc=|\bhref=|@import|url\(/i.test(html),
      "nothing is loaded from elsewhere",
    );
    match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    match(html, /<strong>Total Scans:<\/strong> 20<\/li>/);
    const sample = html.slice(html.indexOf("<h2>Raw Data Sample</h2>"));
    match(
      sample,
      /^<h2>Raw Data Sample<\/h2>\n<p>The earliest event of each type sent by at least 10 installs \(as published\) in the quarter \(2 of 40 events, as published; types sent by fewer installs are left out\), as sent but without <code>anonymous_id<\/code> and <code>event_id<\/code>, and with the timestamp cut to its day:<\/p>\n<pre><code>/,
    );
    equal(sample.match(/\{&quot;schema&quot;:1,&quot;event&quot;:/g)?.length, 2, "two events");
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

Deno.test("report gives the same output for the same events, and JMO_TELEMETRY_REPORT_SECRET keys its offsets", async () => {
  await withDatasetSandbox(async (box, file) => {
    const args = ["report", "--quarter", "2026-Q1", "--source", file];
    const first = await box.run(args);
    equal(first.code, 0, first.stderr);
    equal((await box.run(args)).stdout, first.stdout, "regenerated, the report is identical");
    const keyed = await Promise.all(
      ["one", "two", "three", "four", "five", "six"].map((secret) =>
        box.run(args, { env: { JMO_TELEMETRY_REPORT_SECRET: `maintainers' ${secret}` } })
      ),
    );
    const totals = keyed.map((r) => /^- \*\*Total Scans:\*\* (.*)$/m.exec(r.stdout)![1]);
    ok(totals.every((t) => t === "12,000"), `${totals}: 12,000 scans, whatever the key`);
    ok(
      new Set(keyed.map((r) => r.stdout)).size > 1,
      "other secrets draw other offsets (13,835 events published as 13,830 or 13,840)",
    );
    equal(
      (await box.run(args, { env: { JMO_TELEMETRY_REPORT_SECRET: "maintainers' one" } })).stdout,
      keyed[0].stdout,
    );
  }, largeQuarterLines());
});
