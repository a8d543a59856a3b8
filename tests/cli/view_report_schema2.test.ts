import { match } from "node:assert/strict";
import { join } from "node:path";
import { bothSchemasLines } from "../fixtures/analytics/schema_dimensions_events.ts";
import { makeSandbox } from "../helpers/run_binary.ts";

Deno.test("view shows schema 2's dimensions over events of both schemas", async () => {
  const box = await makeSandbox();
  const file = join(box.cwd, "events.jsonl");
  await Deno.writeTextFile(file, bothSchemasLines(2, "2026-05-04").join("\n") + "\n");
  const r = await box.run(["view", "--source", file]);
  match(r.stdout, /^ {2}policy evaluations +10$/m);
  for (
    const heading of [
      "Targets per scan (scans started)",
      "Multi-target scans (scans started)",
      "Run in CI (scans started)",
      "Scan frequency (scans started)",
      "Policies evaluated (share of evaluations that listed each)",
      "Policy violations (evaluations)",
      "Schema versions (events)",
    ]
  ) {
    match(r.stdout, new RegExp(`^${heading.replace(/[()]/g, "\\$&")}$`, "m"), heading);
  }
  match(r.stdout, /^ {2}in CI +4 /m);
  match(r.stdout, /^ {2}schema 1 +2 /m);
  await box.remove();
});

Deno.test("the quarterly report shows CI share, multi-target share, targets, scan frequency, policies and violations, over both schemas", async () => {
  const box = await makeSandbox();
  const file = join(box.cwd, "events.jsonl");
  await Deno.writeTextFile(file, bothSchemasLines(20, "2026-05-04").join("\n") + "\n");
  const r = await box.run(["report", "--quarter", "2026-Q2", "--source", file]);
  match(r.stdout, /^- \*\*Run in CI:\*\* 25% in CI, 62\.5% not in CI, 12\.5% not given$/m);
  match(
    r.stdout,
    /^- \*\*Multi-target Scans:\*\* 50% several kinds, 37\.5% one kind, 12\.5% not given$/m,
  );
  match(r.stdout, /^- \*\*Targets per Scan:\*\* .*25% 2-5.*$/m);
  match(r.stdout, /^- \*\*Scan Frequency:\*\* .*37\.5% weekly.*$/m);
  match(r.stdout, /^- \*\*Policy Evaluations:\*\* 100$/m, "100 evaluations, published coarse");
  match(r.stdout, /^- \*\*Policies Evaluated:\*\* .*owasp-top-10 in 60%.*Custom in 20%.*$/m);
  match(r.stdout, /^- \*\*Policy Violations:\*\* 20% 0, 20% 1-5, 20% 5-20, 20% 20-100, 20% >100$/m);
  await box.remove();
});
