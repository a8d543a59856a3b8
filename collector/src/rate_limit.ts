/**
 * The optional limit on posts per client. The key is a SHA-256 digest of the
 * client address (`CF-Connecting-IP`), computed in memory for the one call to
 * the Rate Limiting binding: the address and the key are never stored or logged.
 *
 * @module
 */

import type { Env } from "./env.ts";
import { RATE_LIMIT_RETRY_AFTER_SECONDS } from "./limits.ts";
import { jsonResponse } from "./responses.ts";

const KEY_CONTEXT = "jmo-telemetry rate limit v1\n";

/**
 * The rate-limit key of a client address: hex SHA-256 of a fixed context and
 * the address. Clients without an address share one key.
 *
 * @example
 * ```ts
 * import { rateLimitKey } from "./rate_limit.ts";
 * const key = await rateLimitKey("203.0.113.7");
 * key.length; // 64
 * key.includes("203.0.113.7"); // false
 * ```
 */
export async function rateLimitKey(clientAddress: string | null): Promise<string> {
  const data = new TextEncoder().encode(KEY_CONTEXT + (clientAddress ?? ""));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * `429` with `Retry-After` when the `RATE_LIMITER` binding refuses this client;
 * `undefined` when it allows it, when no binding is configured, or when the
 * binding fails (telemetry is not worth losing to a limiter outage).
 *
 * @example
 * ```ts
 * import { rateLimitRefusal } from "./rate_limit.ts";
 * const env = { DB: undefined as never, RATE_LIMITER: { limit: async () => ({ success: false }) } };
 * (await rateLimitRefusal(new Request("http://x/v1/events"), env))?.status; // 429
 * ```
 */
export async function rateLimitRefusal(
  request: Request,
  env: Env,
): Promise<Response | undefined> {
  if (env.RATE_LIMITER === undefined) return undefined;
  const key = await rateLimitKey(request.headers.get("CF-Connecting-IP"));
  const outcome = await env.RATE_LIMITER.limit({ key }).catch(() => ({ success: true }));
  if (outcome.success) return undefined;
  return jsonResponse(429, { error: "too many requests" }, {
    "Retry-After": String(RATE_LIMIT_RETRY_AFTER_SECONDS),
  });
}
