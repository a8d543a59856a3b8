/**
 * Item 5: `jmo-telemetry flush` of 10,000 pending events into the local
 * collector (workerd + D1 on disk).
 *
 * @module
 */

import { join } from "node:path";
import { startCollector } from "../collector/local/start_collector.ts";
import { createClient } from "../src/mod.ts";
import { showNotice } from "../tests/helpers/show_notice.ts";
import type { ResultRow } from "./result_row.ts";

const ROOT = join(import.meta.dirname ?? ".", "..");
const BINARY = join(ROOT, "dist", "jmo-telemetry");

/** Spools `count` valid, distinct events into `home` through the library. */
function spoolEvents(home: string, count: number): void {
  const client = createClient({ env: { DOCKER_CONTAINER: "0" }, homedir: home, cwd: home });
  for (let i = 0; i < count; i++) {
    client.track("tool.failed", {
      tool: "trivy",
      failure_type: "timeout",
      exit_code: null,
      profile: "balanced",
    });
  }
  client.close();
}

/**
 * Measures item 5: the events per second that one `flush` delivers into a
 * freshly started local collector, from a spool of `count` events.
 *
 * @example
 * ```ts
 * import { benchFlushThroughput } from "./flush_throughput.ts";
 * const [row] = await benchFlushThroughput(10_000);
 * ```
 */
export async function benchFlushThroughput(count: number): Promise<ResultRow[]> {
  const home = await Deno.makeTempDir({ prefix: "jmo-bench-flush-" });
  const collector = await startCollector({ dataDir: join(home, "d1") });
  try {
    // A first scan shows the notice (nothing is sent before it): one of the `count` events.
    showNotice(home);
    spoolEvents(home, count - 1);
    const start = performance.now();
    const out = await new Deno.Command(BINARY, {
      args: ["flush", "--timeout", "30"],
      env: { HOME: home, DOCKER_CONTAINER: "0", JMO_TELEMETRY_ENDPOINT: collector.eventsUrl },
      clearEnv: true,
      cwd: home,
      stdout: "null",
      stderr: "piped",
    }).output();
    const ms = performance.now() - start;
    if (out.code !== 0) {
      throw new Error(`flush exited ${out.code}: ${new TextDecoder().decode(out.stderr)}`);
    }
    const rate = count / (ms / 1000);
    return [{
      item: "5. flush of pending events into the local collector (workerd + D1)",
      figure: `${Math.round(rate)} events/s`,
      detail: `${count} events in ${ms.toFixed(0)} ms, ${Math.ceil(count / 500)} batches`,
      target: ">= 2000 events/s",
      holds: rate >= 2_000,
    }];
  } finally {
    await collector.stop();
    await Deno.remove(home, { recursive: true });
  }
}
