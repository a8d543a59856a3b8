import { equal, match } from "node:assert/strict";
import { join } from "node:path";
import { datasetLines } from "../fixtures/analytics/dataset.ts";
import { parseCsv } from "../analytics/parse_csv.ts";
import { BINARY, makeSandbox, ROOT } from "../helpers/run_binary.ts";

const SCRIPT = join(ROOT, "scripts", "view_telemetry.sh");

Deno.test("scripts/view_telemetry.sh runs the dashboard, --raw and --export (bare or csv) as the seeds' command did", async () => {
  const box = await makeSandbox();
  const file = join(box.cwd, "events.jsonl");
  await Deno.writeTextFile(file, datasetLines().join("\n") + "\n");
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const out = await new Deno.Command(SCRIPT, {
      args,
      env: box.env(env),
      clearEnv: true,
      cwd: box.cwd,
    }).output();
    const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
    return { code: out.code, stdout: text(out.stdout), stderr: text(out.stderr) };
  };
  const dashboard = await run(["--source", file]);
  equal(dashboard.code, 0, dashboard.stderr);
  match(dashboard.stdout, /^ {2}unique installs +12$/m);
  const raw = await run(["--raw", "--source", file]);
  equal(raw.stdout.trimEnd().split("\n").length, 38);
  const csv = await run(["--export", "--source", file]);
  equal(csv.code, 0, csv.stderr);
  equal(parseCsv(csv.stdout).length, 39);
  const output = join(box.cwd, "out.csv");
  const toFile = await run(
    ["--source", file, "--export", "csv", "--output", output, "--since", "2026-04-01"],
    { JMO_TELEMETRY_BIN: BINARY },
  );
  equal(toFile.code, 0, toFile.stderr);
  equal(parseCsv(await Deno.readTextFile(output)).length, 3);
  const missing = await run(["--source", file], { JMO_TELEMETRY_BIN: join(box.cwd, "absent") });
  equal(missing.code, 127, "a JMO_TELEMETRY_BIN that does not exist cannot run");
  await box.remove();
});
