import { deepEqual, equal, match } from "node:assert/strict";
import { join } from "node:path";
import { startTestProxy } from "../helpers/http_proxy.ts";
import { makeSandbox, ROOT, type RunResult, type Sandbox } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { spoolEvents } from "../helpers/spool_events.ts";
import { ACCEPTED, deliveredIds, startTestServer } from "../helpers/test_server.ts";

/** A host name that never resolves: only the proxy can reach the collector behind it. */
const NAME = "collector.test";

async function underDeno(args: string[], env: Record<string, string>, cwd: string) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "src", "cli", "bin.ts"), ...args],
    // Deno's own update check would go through the test's proxy too.
    env: { ...env, DENO_NO_UPDATE_CHECK: "1" },
    clearEnv: true,
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder();
  return { code: out.code, stdout: text.decode(out.stdout), stderr: text.decode(out.stderr) };
}

const RUNTIMES = ["the compiled binary", "Deno"] as const;

/** Runs the CLI in `box` under `runtime`, with `extra` added to its clean environment. */
function runUnder(runtime: typeof RUNTIMES[number], box: Sandbox) {
  return (args: string[], extra: Record<string, string>): Promise<RunResult> =>
    runtime === "Deno" ? underDeno(args, box.env(extra), box.cwd) : box.run(args, { env: extra });
}

for (const runtime of RUNTIMES) {
  Deno.test(`${runtime}: flush goes through HTTP_PROXY, and NO_PROXY bypasses it`, async () => {
    const box = await makeSandbox();
    const server = await startTestServer(() => ACCEPTED);
    const proxy = await startTestProxy();
    const run = runUnder(runtime, box);
    const endpoint = `http://${NAME}:${server.port}/v1/events`;
    const ids = [showNotice(box.home), ...spoolEvents(box.home, 2)];
    const bypassed = await run(["flush"], {
      JMO_TELEMETRY_ENDPOINT: endpoint,
      HTTP_PROXY: proxy.url,
      NO_PROXY: NAME,
    });
    equal(bypassed.code, 3);
    equal(proxy.requests.length, 0);
    const proxied = await run(["flush"], {
      JMO_TELEMETRY_ENDPOINT: endpoint,
      HTTP_PROXY: proxy.url,
    });
    equal(proxied.code, 0, proxied.stdout + proxied.stderr);
    equal(proxy.requests[0].method, "POST");
    equal(proxy.requests[0].target, endpoint);
    deepEqual(deliveredIds(server).sort(), [...ids].sort());
    await proxy.close();
    await server.close();
    await box.remove();
  });

  Deno.test(`${runtime}: flush sends an https endpoint through HTTPS_PROXY with CONNECT`, async () => {
    const box = await makeSandbox();
    const proxy = await startTestProxy();
    showNotice(box.home);
    const r = await runUnder(runtime, box)(["flush"], {
      JMO_TELEMETRY_ENDPOINT: `https://${NAME}/v1/events`,
      HTTPS_PROXY: proxy.url,
    });
    equal(r.code, 3);
    match(r.stdout, /Kept: +1 event \(network error/);
    equal(proxy.requests[0].method, "CONNECT");
    equal(proxy.requests[0].target, `${NAME}:443`);
    await proxy.close();
    await box.remove();
  });
}
