/**
 * The optional limit on posts per client. The key is an HMAC-SHA-256 of the
 * client address (`CF-Connecting-IP`) and the UTC day, keyed with a Worker
 * secret, computed in memory for the one call to the Rate Limiting binding:
 * the address and the key are never stored or logged, and without the secret
 * a key cannot be matched to an address by trying every address.
 *
 * @module
 */

import type { Env } from "./env.ts";
import { RATE_LIMIT_RETRY_AFTER_SECONDS } from "./limits.ts";
import { jsonResponse } from "./responses.ts";

const KEY_CONTEXT = "jmo-telemetry rate limit v3\n";

/** What a client spends its budget on: posting events or reading stats, each budget its own. */
export type RateLimitPurpose = "events" | "stats";

/**
 * Used when the Worker has no secret: stable for this isolate only. Made on
 * first use, since Workers allow no random values at global scope.
 */
let isolateSecret: string | undefined;

/**
 * The rate-limit key of a client address on a day: hex HMAC-SHA-256, keyed
 * with `secret`, of a fixed context, the purpose, the UTC day and the
 * address. Clients without an address share one key; the key changes every
 * UTC day.
 *
 * @example
 * ```ts
 * import { rateLimitKey } from "./rate_limit.ts";
 * const key = await rateLimitKey("203.0.113.7", "worker secret", new Date("2026-12-01T10:00:00Z"));
 * key.length; // 64
 * key.includes("203.0.113.7"); // false
 * ```
 */
export async function rateLimitKey(
  clientAddress: string | null,
  secret: string,
  now: Date,
  purpose: RateLimitPurpose = "events",
): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const day = now.toISOString().slice(0, 10);
  const data = encoder.encode(`${KEY_CONTEXT}${purpose}\n${day}\n${clientAddress ?? ""}`);
  const digest = new Uint8Array(await crypto.subtle.sign("HMAC", key, data));
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
  purpose: RateLimitPurpose = "events",
): Promise<Response | undefined> {
  if (env.RATE_LIMITER === undefined) return undefined;
  // The admin token is already a Worker secret; without one, each isolate keeps its own.
  const secret = env.ADMIN_TOKEN || (isolateSecret ??= crypto.randomUUID());
  const key = await rateLimitKey(
    request.headers.get("CF-Connecting-IP"),
    secret,
    new Date(),
    purpose,
  );
  const outcome = await env.RATE_LIMITER.limit({ key }).catch(() => ({ success: true }));
  if (outcome.success) return undefined;
  return jsonResponse(429, { error: "too many requests" }, {
    "Retry-After": String(RATE_LIMIT_RETRY_AFTER_SECONDS),
  });
}
