/**
 * `npm start` (scripts/demo.ts) end to end: the real collector on workerd,
 * the compiled binary, the dashboard; and nothing left behind.
 */

import { equal, match } from "node:assert/strict";
import { join } from "node:path";
import { processesWithEnv, waitUntil } from "../helpers/background_processes.ts";
import { ROOT } from "../helpers/run_binary.ts";

Deno.test("npm start's demo flushes six installs into the local collector, prints the public stats and the dashboard, and leaves nothing behind", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "jmo-demo-test-" });
  const env: Record<string, string> = {
    PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    TMPDIR: tmp,
  };
  const home = Deno.env.get("HOME");
  if (home) env.HOME = home;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "scripts", "demo.ts")],
    env,
    clearEnv: true,
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  equal(out.code, 0, new TextDecoder().decode(out.stderr));
  match(stdout, /The collector Worker runs on workerd at http:\/\/127\.0\.0\.1:\d+/);
  match(stdout, /jmo-telemetry flush\s+# deliver the spool into the local collector \(exit 0\)/);
  const stats = JSON.parse(
    stdout.slice(stdout.indexOf("/v1/stats\n") + 10, stdout.indexOf("\n}\n") + 2),
  );
  equal(stats.min_installs_per_group, 10);
  match(stats.released_on, /^\d{4}-\d{2}-\d{2}$/, "the daily job released the stats");
  for (const group of stats.events_by_type as { installs: number }[]) {
    equal(group.installs, 10, "six installs publish as 10 at most, or not at all");
  }
  match(
    stdout,
    /jmo-telemetry view --source http:\/\/127\.0\.0\.1:\d+\s+# the maintainers' dashboard \(exit 0\)/,
  );
  match(stdout, /Totals\n {2}events\s+54\n {2}unique installs\s+6\n {2}scans started\s+12\n/);
  await waitUntil(
    () => processesWithEnv("TMPDIR", tmp).length === 0,
    "workerd and the demo's processes",
  );
  equal([...Deno.readDirSync(tmp)].length, 0, "the demo removed its sandbox");
  await Deno.remove(tmp);
});
