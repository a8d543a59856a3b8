/**
 * A fetch that honours `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` on every
 * runtime, without touching the host's global state. Deno's and Bun's fetch
 * honour them already; Node's does not, so under Node, and only when a proxy
 * is set, each request is given its own undici `EnvHttpProxyAgent` as its
 * dispatcher (undici is loaded then, not before; the global dispatcher is
 * never replaced).
 *
 * @module
 */

import { createRequire } from "node:module";
import type { Environment } from "../settings/mod.ts";

/** A variable in its upper-case spelling, else its lower-case one, as curl reads them. */
function either(env: Environment, name: string): string | undefined {
  const value = env[name] || env[name.toLowerCase()];
  return value === "" ? undefined : value;
}

/** The parts of undici used here. */
interface Undici {
  fetch: (
    input: RequestInfo | URL,
    init?: RequestInit & { dispatcher?: object },
  ) => Promise<Response>;
  EnvHttpProxyAgent: new (options: {
    httpProxy?: string;
    httpsProxy?: string;
    noProxy?: string;
    proxyTunnel: boolean;
  }) => object;
}

/** What tells the runtimes apart. */
export interface FetchRuntime {
  /** Deno or Bun, whose fetch honours the proxy variables itself. */
  honoursProxyVariables: boolean;
  /** Loads undici (Node), throwing when it is not installed. */
  loadUndici: () => Undici;
}

const THIS_RUNTIME: FetchRuntime = {
  honoursProxyVariables: "Deno" in globalThis || "Bun" in globalThis,
  loadUndici: () => createRequire(import.meta.url)("undici") as Undici,
};

/**
 * The fetch to deliver with: the global one, unless Node runs with a proxy
 * variable set in `env`; then undici's fetch with an `EnvHttpProxyAgent` passed as
 * each request's `dispatcher` (plain http:// requests go to the proxy in
 * absolute form, https:// ones through a CONNECT tunnel). When undici cannot
 * be loaded, every request fails saying to install it: nothing goes around
 * the proxy.
 *
 * @example
 * ```ts
 * import { proxyFetch } from "./proxy_fetch.ts";
 * const send = proxyFetch({ HTTPS_PROXY: "http://proxy.internal:3128" });
 * // await send("https://telemetry.example/v1/events", { method: "POST", body: "{}" });
 * ```
 */
export function proxyFetch(env: Environment, runtime: FetchRuntime = THIS_RUNTIME): typeof fetch {
  const global: typeof fetch = (input, init) => fetch(input, init);
  if (runtime.honoursProxyVariables) return global;
  const httpsProxy = either(env, "HTTPS_PROXY");
  const httpProxy = either(env, "HTTP_PROXY");
  if (httpsProxy === undefined && httpProxy === undefined) return global;
  let undici: Undici;
  try {
    undici = runtime.loadUndici();
  } catch {
    return () =>
      Promise.reject(
        new Error(
          "a proxy is set (HTTPS_PROXY or HTTP_PROXY) and Node needs the undici package to use " +
            "it: install undici next to jmo-telemetry",
        ),
      );
  }
  const dispatcher = new undici.EnvHttpProxyAgent({
    httpProxy,
    httpsProxy,
    noProxy: either(env, "NO_PROXY"),
    proxyTunnel: false,
  });
  return (input, init) => undici.fetch(input, { ...init, dispatcher });
}
