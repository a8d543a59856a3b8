/**
 * Item 6: the collector's ingest rate on the local runtime (workerd + D1 on
 * disk): 500-event batches posted by 4 concurrent clients.
 *
 * @module
 */

import { join } from "node:path";
import { startCollector } from "../collector/local/mod.ts";
import { buildEvent } from "../src/events/mod.ts";
import type { ResultRow } from "./result_row.ts";

const BATCH = 500;
const CLIENTS = 4;
const TARGET = 5_000;

/** One request body of `BATCH` distinct, valid `scan.started` events of one install. */
function batchBody(): string {
  const anonymousId = crypto.randomUUID();
  const events = Array.from({ length: BATCH }, () =>
    buildEvent(
      {
        event: "scan.started",
        metadata: {
          profile: "balanced",
          tools: ["trufflehog", "semgrep", "trivy"],
          target_types: { repos: 1, images: 1, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
        },
        toolVersion: "1.0.1",
        pythonVersion: "3.11",
      },
      {
        eventId: crypto.randomUUID(),
        anonymousId,
        now: new Date(),
        platform: "Linux",
        defaultVersion: "1.0.1",
        defaultMode: "cli",
      },
    ));
  return JSON.stringify({ events });
}

async function post(eventsUrl: string, body: string): Promise<void> {
  const response = await fetch(eventsUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  const answer = await response.json();
  if (response.status !== 200 || answer.accepted !== BATCH) {
    throw new Error(`collector answered ${response.status} ${JSON.stringify(answer)}`);
  }
}

/**
 * Measures item 6: events per second stored by a freshly started local
 * collector while `CLIENTS` clients each post `batchesPerClient` batches of
 * 500 events, one after another. Bodies are built before the clock starts.
 *
 * @example
 * ```ts
 * import { benchCollectorIngest } from "./collector_ingest.ts";
 * const [row] = await benchCollectorIngest(20);
 * ```
 */
export async function benchCollectorIngest(batchesPerClient: number): Promise<ResultRow[]> {
  const dataDir = await Deno.makeTempDir({ prefix: "jmo-bench-ingest-" });
  const collector = await startCollector({ dataDir: join(dataDir, "d1") });
  try {
    const bodies = Array.from(
      { length: CLIENTS },
      () => Array.from({ length: batchesPerClient }, batchBody),
    );
    await post(collector.eventsUrl, batchBody());
    const start = performance.now();
    await Promise.all(bodies.map(async (mine) => {
      for (const body of mine) await post(collector.eventsUrl, body);
    }));
    const ms = performance.now() - start;
    const count = CLIENTS * batchesPerClient * BATCH;
    const rate = count / (ms / 1000);
    const bytes = new TextEncoder().encode(bodies[0][0]).length;
    return [{
      item: "6. collector ingest (workerd + D1 on disk), 4 concurrent clients",
      figure: `${Math.round(rate)} events/s`,
      detail: `${count} events in ${ms.toFixed(0)} ms, batches of ${BATCH} (${
        Math.round(bytes / 1024)
      } KiB)`,
      target: `>= ${TARGET} events/s`,
      holds: rate >= TARGET,
    }];
  } finally {
    await collector.stop();
    await Deno.remove(dataDir, { recursive: true });
  }
}

if (import.meta.main) {
  for (const row of await benchCollectorIngest(Number(Deno.args[0] ?? 20))) {
    console.log(
      `${row.item}: ${row.figure} (${row.detail}); target ${row.target}: ${
        row.holds ? "holds" : "MISSED"
      }`,
    );
  }
}
