import { equal, match, ok } from "node:assert/strict";
import { join } from "node:path";
import { withDatasetSandbox } from "../fixtures/analytics/dataset_sandbox.ts";

function has(text: string, line: string): void {
  ok(text.split("\n").includes(line), `missing line: ${line}\n--- in ---\n${text}`);
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
  });
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
  });
});

Deno.test("report refuses a missing or malformed quarter or format with exit 2", async () => {
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
  });
});
