/**
 * Item 3: what the host waits for `track` when the collector hangs, against
 * when it answers. A Python host calls `track` through
 * `subprocess.run(..., capture_output=True)`, as JMo's CLI does; every
 * sample starts from a copy of an install whose notice was shown, so every
 * `track` starts a background flush. Samples alternate between the two
 * collectors in one Python process, which times only `subprocess.run`.
 *
 * @module
 */

import { cpSync } from "node:fs";
import { join } from "node:path";
import { runPython } from "../tests/helpers/python_host.ts";
import { BINARY, cleanEnv, trackArgs } from "../tests/helpers/run_binary.ts";
import { ACCEPTED, startTestServer } from "../tests/helpers/test_server.ts";
import { median } from "./measure.ts";
import type { ResultRow } from "./result_row.ts";

/** Times each sample's subprocess.run in milliseconds; prints {"name": [ms, ...]}. */
const HOST = `
import json, subprocess, sys, time
samples = json.loads(sys.stdin.read())
times = {}
for s in samples:
    start = time.perf_counter()
    r = subprocess.run(s["argv"], capture_output=True, env=s["env"], cwd=s["cwd"])
    elapsed = (time.perf_counter() - start) * 1000
    if r.returncode != 0:
        sys.exit("track exited %d: %s" % (r.returncode, r.stderr.decode()))
    times.setdefault(s["name"], []).append(elapsed)
print(json.dumps(times))
`;

/**
 * Measures item 3 over `runs` samples of each collector (plus warm-up),
 * interleaved, and returns the ratio of the medians.
 *
 * @example
 * ```ts
 * import { benchTrackHostWait } from "./track_host_wait.ts";
 * const [row] = await benchTrackHostWait(30);
 * ```
 */
export async function benchTrackHostWait(runs: number, warmup = 3): Promise<ResultRow[]> {
  const dir = await Deno.makeTempDir({ prefix: "jmo-bench-wait-" });
  const answering = await startTestServer(() => ACCEPTED);
  const hanging = await startTestServer(() => "hang");
  const collectors = { answering, hanging };
  const template = join(dir, "template");
  await Deno.mkdir(template); // a home exists; the binary makes only ~/.jmo-security in it
  // The first scan shows the notice and holds delivery; the second is the user's next run, after
  // which every scan.completed starts its background flush, as on an install in daily use.
  for (let scan = 0; scan < 2; scan++) {
    await new Deno.Command(BINARY, {
      args: trackArgs("scan.started"),
      env: cleanEnv(template),
      clearEnv: true,
      cwd: dir,
      stderr: "null",
    }).output();
  }
  const samples = [];
  for (let round = 0; round < runs + warmup; round++) {
    const order = round % 2 ? ["hanging", "answering"] as const : ["answering", "hanging"] as const;
    for (const name of order) {
      const home = join(dir, `${name}-${round}`);
      cpSync(template, home, { recursive: true });
      samples.push({
        name: round < warmup ? "warmup" : name,
        argv: [BINARY, ...trackArgs("scan.completed")],
        env: cleanEnv(home, { JMO_TELEMETRY_ENDPOINT: `${collectors[name].origin}/v1/events` }),
        cwd: dir,
      });
    }
  }
  const times = await runPython(HOST, samples) as Record<string, number[]>;
  const hang = median(times.hanging);
  const answer = median(times.answering);
  const reached = hanging.requests.length;
  // The flushers give up on the hanging collector after their 2 s timeout.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  await answering.close();
  await hanging.close();
  await Deno.remove(dir, { recursive: true });
  return [{
    item: "3. track through a Python host (capture_output), collector hanging / answering",
    figure: `${(hang / answer).toFixed(2)}x`,
    detail: `${hang.toFixed(1)} ms vs ${answer.toFixed(1)} ms (medians of ${runs} each, ` +
      `interleaved; ${reached} flushers were holding requests on the hanging collector)`,
    target: "<= 1.2x",
    holds: hang / answer <= 1.2,
  }];
}

if (import.meta.main) {
  const [row] = await benchTrackHostWait(Number(Deno.args[0] ?? 30));
  console.log(`${row.item}: ${row.figure} (${row.detail}); target ${row.target}`);
}
