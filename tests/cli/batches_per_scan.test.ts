/**
 * Delivery per host run: a JMo scan records four or five events, and costs
 * at most one background process and one request when the collector is
 * reachable. Processes are counted with strace, which follows every fork
 * of `track`, detached or not.
 */

import { equal, ok } from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deliverySandbox } from "../helpers/delivery_sandbox.ts";
import { trackArgs } from "../helpers/run_binary.ts";
import { ACCEPTED, deliveredIds } from "../helpers/test_server.ts";

const SCAN = ["scan.started", "tool.failed", "tool.failed", "scan.completed", "report.generated"];

Deno.test("20 scans of 5 events each start at most one background flush and one request per scan, and deliver every event", async () => {
  const t = await deliverySandbox(ACCEPTED);
  const trace = join(t.box.home, "..", "execve.log");
  let tracked = 0;
  for (let scan = 0; scan < 20; scan++) {
    for (const event of SCAN) {
      const out = await t.box.run(trackArgs(event), {
        env: t.env,
        wrapper: ["strace", "-f", "-qq", "-e", "trace=execve", "-o", `${trace}.${tracked}`],
      });
      equal(out.code, 0);
      tracked += 1;
    }
  }
  const spawned = Array.from({ length: tracked }, (_, i) => readFileSync(`${trace}.${i}`, "utf8"))
    .flatMap((log) => log.split("\n"))
    .filter((line) => line.includes('"flush", "--background"')).length;
  console.log(
    `100 tracks in 20 scans: ${spawned} flush processes, ${t.server.requests.length} requests`,
  );
  // The first scan shows the notice and sends nothing; each later scan's end sends once.
  ok(spawned <= 20, `${spawned} background flushes`);
  ok(t.server.requests.length <= 20, `${t.server.requests.length} requests`);
  equal(spawned, 19);
  equal(t.server.requests.length, 19);
  // Everything but the last scan's report.generated (it waits for the next scan) is delivered.
  equal(deliveredIds(t.server).length, 99);
  await t.remove();
});
