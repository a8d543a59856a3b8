/**
 * One HTTP request of a batch, bounded by the per-request timeout.
 *
 * @module
 */

import {
  classifyFailure,
  classifyResponse,
  type TransportKind,
  type Verdict,
} from "./classify_response.ts";

/** What every request needs besides its URL and body. */
export interface RequestOptions {
  /** The fetch to use (default in callers: the global one, which honours the proxy variables). */
  fetch: typeof fetch;
  /** Milliseconds the request, answer included, may take. */
  timeoutMs: number;
  /** The clock, for `Retry-After` and rate-limit resets. */
  now: () => Date;
}

/**
 * Sends one request and classifies what came back. Redirects are not
 * followed (a credential must never travel to another host); the answer's
 * body is read (a `400` names the refused events in it, a collector's
 * answers the schema versions it accepts) so the connection is released.
 * Never throws.
 *
 * @example
 * ```ts
 * import { sendRequest } from "./send_request.ts";
 * const verdict = await sendRequest(
 *   "http://127.0.0.1:8787/v1/events",
 *   { method: "POST", headers: { "content-type": "application/json" }, body: '{"events":[]}' },
 *   "collector",
 *   { fetch, timeoutMs: 2_000, now: () => new Date() },
 * );
 * ```
 */
export async function sendRequest(
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
  transport: TransportKind,
  options: RequestOptions,
): Promise<Verdict> {
  try {
    const response = await options.fetch(url, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body = await response.text().catch(() => "");
    return classifyResponse(
      response.status,
      response.headers,
      transport,
      options.now().getTime(),
      body,
    );
  } catch (error) {
    return classifyFailure(error, options.timeoutMs);
  }
}
