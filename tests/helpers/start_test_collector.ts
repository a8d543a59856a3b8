/**
 * A local collector (workerd through Miniflare, D1 in a temporary directory)
 * for one test, with the few requests the tests make against it.
 *
 * @module
 */

import {
  type RateLimitOptions,
  type RunningCollector,
  startCollector,
} from "../../collector/local/mod.ts";

/** An answer of the collector, its body read. */
export interface CollectorAnswer {
  status: number;
  headers: Headers;
  /** The body as text. */
  text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  json: unknown;
}

/** A collector started for a test; `await using` stops it and removes its data. */
export interface TestCollector extends RunningCollector, AsyncDisposable {
  /** The temporary directory of its D1 database. */
  dataDir: string;
  /** Sends a request to a path of the collector and reads the answer whole. */
  request(path: string, init?: RequestInit): Promise<CollectorAnswer>;
  /** Posts a body to `/v1/events`: a string or bytes as they are, anything else as JSON. */
  post(body: unknown): Promise<CollectorAnswer>;
  /** Every exported line as an object, read with the right token. */
  exported(since?: string): Promise<Record<string, unknown>[]>;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Starts a collector on 127.0.0.1 (a free port) with its D1 database in a
 * new temporary directory.
 *
 * @example
 * ```ts
 * import { startTestCollector } from "./start_test_collector.ts";
 * await using collector = await startTestCollector();
 * (await collector.post({ events: [] })).json; // { accepted: 0, duplicates: 0, conflicts: 0, schemas: [1, 2] }
 * ```
 */
export async function startTestCollector(
  options: { rateLimit?: RateLimitOptions; edgeCache?: boolean; acceptedSchemas?: string } = {},
): Promise<TestCollector> {
  const dataDir = await Deno.makeTempDir({ prefix: "jmo-collector-test-" });
  let running: RunningCollector;
  try {
    running = await startCollector({
      port: 0,
      dataDir,
      rateLimit: options.rateLimit,
      edgeCache: options.edgeCache,
      acceptedSchemas: options.acceptedSchemas,
    });
  } catch (error) {
    await Deno.remove(dataDir, { recursive: true });
    throw error;
  }
  const request = async (path: string, init?: RequestInit): Promise<CollectorAnswer> => {
    const response = await fetch(`${running.url}${path}`, init);
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: parseJson(text) };
  };
  return {
    ...running,
    dataDir,
    request,
    post: (body) =>
      request("/v1/events", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: typeof body === "string" || body instanceof Uint8Array
          ? body as BodyInit
          : JSON.stringify(body),
      }),
    async exported(since) {
      const query = since === undefined ? "" : `?since=${encodeURIComponent(since)}`;
      const answer = await request(`/v1/export${query}`, {
        headers: { Authorization: `Bearer ${running.adminToken}` },
      });
      if (answer.status !== 200) throw new Error(`export answered ${answer.status}`);
      return answer.text.split("\n").filter((line) => line !== "").map((line) => JSON.parse(line));
    },
    async [Symbol.asyncDispose]() {
      await running.stop();
      await Deno.remove(dataDir, { recursive: true });
    },
  };
}
