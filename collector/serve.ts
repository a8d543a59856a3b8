/**
 * `deno task collector [--port N] [--data DIR]`: the collector on
 * 127.0.0.1 under Miniflare until Ctrl-C or SIGTERM; with `--scheduled-now`,
 * the Worker's daily job run once on the data. See `--help`.
 *
 * @module
 */

import process from "node:process";
import { parseServeArgs, runScheduledOnce, SERVE_USAGE, startCollector } from "./local/mod.ts";

const args = parseServeArgs(process.argv.slice(2));
if (args.kind === "help") {
  console.log(SERVE_USAGE);
  process.exit(0);
}
if (args.kind === "error") {
  console.error(`${args.message}\n\n${SERVE_USAGE}`);
  process.exit(2);
}

const givenToken = process.env.ADMIN_TOKEN || undefined;
if (args.kind === "scheduled") {
  try {
    const { deleted, kept } = await runScheduledOnce(args.dataDir, givenToken, new Date());
    console.log(
      `daily job run on ${args.dataDir}: ${deleted} event(s) past retention deleted, ` +
        `${kept} kept; public stats released`,
    );
    process.exit(0);
  } catch (error) {
    console.error(
      `collector: the daily job failed on ${args.dataDir}: ` +
        `${error instanceof Error ? error.message : error}`,
    );
    process.exit(1);
  }
}
const collector = await startCollector({
  port: args.port,
  dataDir: args.dataDir,
  adminToken: givenToken,
}).catch((error) => {
  console.error(
    `collector: cannot start on 127.0.0.1:${args.port} with data in ${args.dataDir}: ` +
      `${error instanceof Error ? error.message : error}\n` +
      "Check that the port is free (or pass --port 0) and that the data directory is writable.",
  );
  process.exit(1);
});
console.log(`collector listening on ${collector.url}`);
console.log(`  POST ${collector.eventsUrl}`);
console.log(`  GET  ${collector.url}/v1/export  (Authorization: Bearer <ADMIN_TOKEN>)`);
console.log(`  GET  ${collector.url}/v1/stats`);
console.log(`  data in ${args.dataDir}`);
if (givenToken === undefined) {
  console.log(`ADMIN_TOKEN (random, this run only): ${collector.adminToken}`);
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await collector.stop();
    console.log("collector stopped");
    process.exit(0);
  } catch (error) {
    console.error(`collector: stop failed: ${error}`);
    process.exit(1);
  }
}
// Miniflare's own exit hook would end the process at once with the signal's
// status, before the runtime is disposed; this process owns its signals, so
// that hook is replaced by the clean stop.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, stop);
}
