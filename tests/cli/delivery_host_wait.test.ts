import { deepEqual, equal } from "node:assert/strict";
import { processesWithEnv, waitUntil } from "../helpers/background_processes.ts";
import { runPython } from "../helpers/python_host.ts";
import { BINARY, makeSandbox, trackArgs } from "../helpers/run_binary.ts";
import { ACCEPTED, deliveredIds, startTestServer } from "../helpers/test_server.ts";

/** The host tool's way of calling `track`: Python's subprocess.run with captured output. */
const HOST = `
import json, subprocess, sys
spec = json.loads(sys.stdin.read())
r = subprocess.run(spec["argv"], capture_output=True, env=spec["env"], cwd=spec["cwd"])
print(json.dumps({"code": r.returncode, "stdout": r.stdout.decode(), "stderr": r.stderr.decode()}))
`;

Deno.test("a Python host running track with capture_output returns while the collector hangs", async () => {
  const box = await makeSandbox();
  const server = await startTestServer(() => "hang");
  const run = crypto.randomUUID();
  const env = box.env({
    JMO_TELEMETRY_ENDPOINT: `${server.origin}/v1/events`,
    // A flusher that held the host's pipes would keep the host waiting this long.
    JMO_TELEMETRY_TIMEOUT_SECONDS: "60",
    JMO_TEST_RUN: run,
  });
  // The first scan showed the notice; the second releases delivery, at its end.
  equal((await box.run(trackArgs("scan.started"), { env })).code, 0);
  equal((await box.run(trackArgs("scan.started"), { env })).code, 0);
  const host = await runPython(HOST, {
    argv: [BINARY, ...trackArgs("scan.completed")],
    env,
    cwd: box.cwd,
  });
  deepEqual(host, { code: 0, stdout: "", stderr: "" });
  // The host is back, yet the flusher it started lives on, detached, its stdio on /dev/null ...
  const flushers = processesWithEnv("JMO_TEST_RUN", run);
  equal(flushers.length, 1);
  deepEqual(flushers[0].stdio, ["/dev/null", "/dev/null", "/dev/null"]);
  // ... holding a request the collector has not answered.
  await server.waitForRequests(1);
  equal(server.requests[0].status, undefined);
  equal(server.requests[0].closedUnanswered, false);
  server.release(ACCEPTED);
  await waitUntil(() => processesWithEnv("JMO_TEST_RUN", run).length === 0, "the flusher to end");
  equal(deliveredIds(server).length, 3);
  await server.close();
  await box.remove();
});
