// A small ESM program using the installed jmo-telemetry package under Node, as
// a Node host would: it installs its own global fetch dispatcher first, then a
// client of the process environment records two events and flushes what is
// pending. Prints one JSON object on stdout: what the flush reported, whether
// the host's dispatcher is still the global one, and the process listeners the
// library added. Copied next to node_modules/ in a scratch project by
// tests/distribution/npm_package.test.ts, which runs it behind a proxy.
import process from "node:process";
import { Agent, setGlobalDispatcher } from "undici";

const DISPATCHER = Symbol.for("undici.globalDispatcher.1");
const hostDispatcher = new Agent();
setGlobalDispatcher(hostDispatcher);
const EVENTS = ["exit", "beforeExit", "uncaughtException", "unhandledRejection", "warning"];
const listeners = () => EVENTS.map((event) => process.listenerCount(event));
const before = listeners();

const { createClient } = await import("jmo-telemetry");
const client = createClient({ version: "1.0.1" });
client.track("scan.completed", {
  profile: "balanced",
  duration_seconds: 420,
  tools_succeeded: 8,
  tools_failed: 0,
  total_findings: 12,
});
client.track("tool.failed", {
  tool: "trivy",
  failure_type: "timeout",
  exit_code: null,
  profile: "balanced",
});
const flushed = await client.flush({ timeoutMs: 5_000 });
const added = Object.fromEntries(
  listeners().map((count, i) => [EVENTS[i], count - before[i]]).filter(([, n]) => n !== 0),
);
client.close();
console.log(JSON.stringify({
  flushed,
  hostDispatcherKept: globalThis[DISPATCHER] === hostDispatcher,
  addedListeners: added,
}));
