/**
 * A sandbox install with its own local collector: what every delivery test
 * starts from.
 *
 * @module
 */

import { makeSandbox, type Sandbox } from "./run_binary.ts";
import { type Reply, startTestServer, type TestServer } from "./test_server.ts";

/** A sandbox, a collector on 127.0.0.1, and the environment pointing at it. */
export interface DeliverySandbox {
  box: Sandbox;
  server: TestServer;
  /** The collector's events URL. */
  endpoint: string;
  /** `JMO_TELEMETRY_ENDPOINT` set to the collector. */
  env: Record<string, string>;
  /** Stops the collector and removes the sandbox. */
  remove(): Promise<void>;
}

/**
 * Makes a sandbox whose collector answers every request with `reply`
 * (change `server.reply` to answer otherwise later).
 *
 * @example
 * ```ts
 * import { deliverySandbox } from "./delivery_sandbox.ts";
 * import { ACCEPTED } from "./test_server.ts";
 * const t = await deliverySandbox(ACCEPTED);
 * await t.box.run(["flush"], { env: t.env });
 * await t.remove();
 * ```
 */
export async function deliverySandbox(reply: Reply): Promise<DeliverySandbox> {
  const box = await makeSandbox();
  const server = await startTestServer(() => reply);
  const endpoint = `${server.origin}/v1/events`;
  return {
    box,
    server,
    endpoint,
    env: { JMO_TELEMETRY_ENDPOINT: endpoint },
    async remove() {
      await server.close();
      await box.remove();
    },
  };
}
