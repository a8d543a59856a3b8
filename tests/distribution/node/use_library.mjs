// A small ESM program using the installed jmo-telemetry package under Node, as a
// Node host would: create a client from the process environment, track events,
// read the status, flush. Prints what it saw as one JSON object on stdout.
// Copied next to node_modules/ in a scratch project by tests/distribution.
import { createClient, VERSION } from "jmo-telemetry";

const client = createClient({ version: "1.0.1", onBanner: () => {} });
const completed = client.track("scan.completed", {
  profile: "balanced",
  duration_seconds: 420,
  tools_succeeded: 8,
  tools_failed: 0,
  total_findings: 12,
});
const failed = client.track("tool.failed", {
  tool: "trivy",
  failure_type: "timeout",
  exit_code: null,
  profile: "balanced",
});
let refused = "";
try {
  client.track("tool.failed", { tool: "/etc/passwd", failure_type: "timeout", exit_code: null });
} catch (error) {
  refused = `${error.name}: ${error.message}`;
}
const before = client.status();
const flushed = await client.flush({ timeoutMs: 5_000 });
const after = client.status();
client.close();
console.log(
  JSON.stringify({ version: VERSION, completed, failed, refused, before, flushed, after }),
);
