// A small ESM program using the installed jmo-telemetry package under Node, as
// a Node host would: a client of the process environment records two events
// and flushes what is pending. Prints what the flush reported as one JSON
// object on stdout. Copied next to node_modules/ in a scratch project by
// tests/distribution/npm_package.test.ts, which runs it behind a proxy.
import { createClient } from "jmo-telemetry";

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
client.close();
console.log(JSON.stringify({ flushed }));
