/**
 * Item 8: what `jmo_telemetry.send_event` costs a Python host per call,
 * against `subprocess.run(["true"])` (the cheapest process a host can
 * start) and against running `track` itself, timed in turn in one Python
 * process. The module is the
 * platform wheel built from `dist/jmo-telemetry`, installed in a fresh
 * venv; the install's notice was shown, the collector is unreachable.
 *
 * @module
 */

import { join } from "node:path";
import { buildPlatformWheel } from "../scripts/pypi/mod.ts";
import { makeVenv } from "../tests/helpers/python_venv.ts";
import { BINARY, cleanEnv, trackArgs } from "../tests/helpers/run_binary.ts";
import { median } from "./measure.ts";
import type { ResultRow } from "./result_row.ts";

/**
 * Times `send_event`, the same event by `subprocess.run` of `track`, and
 * `subprocess.run(["true"])`, rotating their order, `runs` times each after
 * warm-up; prints {"send_event": [ms...], "track": [ms...], "true": [ms...]}.
 */
const HOST = `
import json, subprocess, sys, time
import jmo_telemetry
from jmo_telemetry import _binary
plan = json.loads(sys.stdin.read())
metadata = {"mode": "cli", "profile": "balanced", "duration_bucket": "<5min",
            "tools_succeeded": 8, "tools_failed": 0, "total_findings_bucket": "0"}
track = [str(_binary.BINARY), "track", "scan.completed", "--meta", json.dumps(metadata),
         "--tool-version", "1.0.1"]
calls = [
    ("send_event", lambda: jmo_telemetry.send_event("scan.completed", metadata, {}, "1.0.1")),
    ("track", lambda: subprocess.run(track, capture_output=True)),
    ("true", lambda: subprocess.run(["true"])),
]
times = {name: [] for name, _ in calls}
for i in range(plan["warmup"] + plan["runs"]):
    for name, call in calls[i % 3:] + calls[:i % 3]:
        start = time.perf_counter()
        call()
        elapsed = (time.perf_counter() - start) * 1000
        if i >= plan["warmup"]:
            times[name].append(elapsed)
print(json.dumps(times))
`;

/**
 * Measures item 8 over `runs` calls of each, interleaved, and returns the
 * ratio of the medians.
 *
 * @example
 * ```ts
 * import { benchPythonSendEvent } from "./python_send_event.ts";
 * const [row] = await benchPythonSendEvent(30);
 * ```
 */
export async function benchPythonSendEvent(runs: number, warmup = 3): Promise<ResultRow[]> {
  const dir = await Deno.makeTempDir({ prefix: "jmo-bench-python-" });
  const home = join(dir, "home");
  await Deno.mkdir(home);
  const venv = makeVenv(join(dir, "venv"), [buildPlatformWheel(BINARY, join(dir, "wheel"))]);
  const env = cleanEnv(home);
  // The first scan shows the notice; the measured calls are those of a later run.
  await new Deno.Command(BINARY, {
    args: trackArgs("scan.started"),
    env,
    clearEnv: true,
    cwd: dir,
    stderr: "null",
  }).output();
  const out = await new Deno.Command(venv.python, {
    args: ["-c", HOST],
    env,
    clearEnv: true,
    cwd: dir,
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const writer = out.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify({ runs, warmup })));
  await writer.close();
  const result = await out.output();
  if (!result.success) throw new Error(`the Python host exited ${result.code}`);
  const times = JSON.parse(new TextDecoder().decode(result.stdout)) as Record<string, number[]>;
  const send = median(times.send_event);
  const track = median(times.track);
  const baseline = median(times.true);
  await Deno.remove(dir, { recursive: true });
  return [{
    item:
      '8. `send_event` from Python (the platform wheel), per call, against `subprocess.run(["true"])`',
    figure: `${(send / baseline).toFixed(2)}x`,
    detail: `${send.toFixed(1)} ms vs ${baseline.toFixed(1)} ms; \`track\` run directly ` +
      `${track.toFixed(1)} ms (medians of ${runs} each, interleaved)`,
    target: "reported",
    holds: true,
  }];
}

if (import.meta.main) {
  const [row] = await benchPythonSendEvent(Number(Deno.args[0] ?? 30));
  console.log(`${row.item}: ${row.figure} (${row.detail}); target ${row.target}`);
}
