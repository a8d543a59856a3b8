/**
 * A kill -9 storm: writers and flushers in one home, random SIGKILLs, the
 * real collector (workerd, D1) behind a proxy that records the wire, then a
 * final flush. Every event whose `track` exited 0 arrives exactly once at
 * the collector; nothing is left pending; what never arrived is counted.
 */

import { equal } from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { processesWithEnv, waitUntil } from "../helpers/background_processes.ts";
import { BINARY, makeSandbox, VALID_METADATA } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { startTestCollector } from "../helpers/start_test_collector.ts";

const WRITERS = 6;
const TRACKS_PER_WRITER = 40;
const SCAN = ["scan.started", "tool.failed", "scan.completed", "report.generated"];

/** A proxy on 127.0.0.1 that forwards each request to `target` and keeps the bodies it forwarded. */
async function recordingProxy(
  target: string,
): Promise<{ url: string; bodies: string[]; server: Server }> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Uint8Array[] = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      bodies.push(body);
      try {
        const answer = await fetch(target, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        });
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(await answer.text());
      } catch {
        response.writeHead(502);
        response.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/v1/events`, bodies, server };
}

/** The jmo-telemetry processes (tracks and flushers, not the shells) carrying the run's mark. */
function victims(run: string): number[] {
  return processesWithEnv("JMO_TEST_RUN", run).map((p) => p.pid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith(BINARY);
    } catch {
      return false;
    }
  });
}

Deno.test("kill -9 storm: every event whose track exited 0 reaches the collector exactly once, and nothing stays pending", async () => {
  await using collector = await startTestCollector();
  const proxy = await recordingProxy(collector.eventsUrl);
  const box = await makeSandbox();
  showNotice(box.home);
  const run = crypto.randomUUID();
  const env = box.env({
    JMO_TELEMETRY_ENDPOINT: proxy.url,
    JMO_TELEMETRY_TIMEOUT_SECONDS: "5",
    JMO_TEST_RUN: run,
  });
  const shell = (script: string, args: string[]) =>
    new Deno.Command("sh", {
      args: ["-c", script, BINARY, ...args],
      env,
      clearEnv: true,
      cwd: box.cwd,
      stdout: "piped",
      stderr: "null",
    }).output();
  // Each track is named by a unique tool version, 1.<writer>.<i>, and prints its exit code.
  const writers = Array.from({ length: WRITERS }, (_, w) => {
    const metas = SCAN.map((event) => `'${event}' '${JSON.stringify(VALID_METADATA[event])}'`);
    return shell(
      `i=0; for pair in $(seq ${TRACKS_PER_WRITER / SCAN.length}); do
        for e in 1 2 3 4; do
          case $e in 1) set -- ${metas[0]};; 2) set -- ${metas[1]};; 3) set -- ${
        metas[2]
      };; 4) set -- ${metas[3]};; esac
          i=$((i+1)); "${BINARY}" track "$1" --meta "$2" --tool-version "1.${w}.$i"; echo "1.${w}.$i $?"
        done
      done`,
      [],
    );
  });
  const flushers = Array.from(
    { length: 2 },
    () => shell(`for i in $(seq 15); do "$0" flush --timeout 5 >/dev/null; done`, []),
  );
  let killed = 0;
  let storming = true;
  const storm = (async () => {
    while (storming) {
      const pids = victims(run);
      if (pids.length > 0) {
        try {
          Deno.kill(pids[Math.floor(Math.random() * pids.length)], "SIGKILL");
          killed += 1;
        } catch { /* it ended first */ }
      }
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
    }
  })();
  const outputs = await Promise.all(writers);
  await Promise.all(flushers);
  storming = false;
  await storm;
  await waitUntil(() => victims(run).length === 0, "the background flushers to end");
  const exits = outputs.flatMap((o) => new TextDecoder().decode(o.stdout).trim().split("\n"))
    .map((line) => line.split(" "));
  const recorded = exits.filter(([, code]) => code === "0").map(([version]) => version);
  const final = await box.run(["flush", "--timeout", "10"], { env });
  equal(final.code, 0, final.stdout);

  const stored = (await collector.exported()).map((e) => e.version as string);
  const storedOnce = new Set(stored);
  equal(stored.length, storedOnce.size, "the collector keeps each event once");
  const lost = recorded.filter((version) => !storedOnce.has(version));
  const wireIds = proxy.bodies.flatMap((body) => {
    try {
      return (JSON.parse(body).events as { event_id: string }[]).map((e) => e.event_id);
    } catch {
      return [];
    }
  });
  const status = JSON.parse((await box.run(["status", "--json"], { env })).stdout);
  console.log(JSON.stringify({
    tracks: exits.length,
    recorded: recorded.length,
    killed,
    delivered: storedOnce.size,
    duplicatedAtWire: wireIds.length - new Set(wireIds).size,
    lost: lost.length,
    dropped: status.dropped,
  }));
  equal(exits.length, WRITERS * TRACKS_PER_WRITER);
  equal(lost.length, 0, `recorded yet never delivered: ${lost.join(", ")}`);
  equal(status.pending.events, 0);
  equal(status.dropped.expired + status.dropped.over_cap + status.dropped.rejected, 0);
  proxy.server.close();
  await box.remove();
});
