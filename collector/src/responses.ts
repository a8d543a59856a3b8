/**
 * The collector's HTTP answers: JSON bodies, bare statuses, CORS preflight
 * and method refusals. No answer echoes a request header.
 *
 * @module
 */

/** Lets browsers post events and read stats from any origin, as in the source documents. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "Access-Control-Allow-Origin": "*",
};

/**
 * A JSON answer with the CORS origin header.
 *
 * @example
 * ```ts
 * import { jsonResponse } from "./responses.ts";
 * const r = jsonResponse(200, { accepted: 1, duplicates: 0 });
 * r.headers.get("content-type"); // "application/json; charset=utf-8"
 * ```
 */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...CORS_HEADERS, ...headers },
  });
}

/**
 * An answer with a status and nothing else: no body, no header of ours.
 *
 * @example
 * ```ts
 * import { bareResponse } from "./responses.ts";
 * bareResponse(401).status; // 401
 * ```
 */
export function bareResponse(status: number): Response {
  return new Response(null, { status });
}

/**
 * The CORS preflight answer of the source documents' Worker.
 *
 * @example
 * ```ts
 * import { preflightResponse } from "./responses.ts";
 * preflightResponse().headers.get("access-control-allow-methods"); // "POST, OPTIONS"
 * ```
 */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "POST, OPTIONS",
      "Access-Control-Allow-Headers": "Content-Type",
      "Access-Control-Max-Age": "86400",
    },
  });
}

/**
 * `405` naming the methods the path accepts.
 *
 * @example
 * ```ts
 * import { methodNotAllowed } from "./responses.ts";
 * methodNotAllowed(["GET"]).headers.get("allow"); // "GET"
 * ```
 */
export function methodNotAllowed(allowed: readonly string[]): Response {
  return new Response(JSON.stringify({ error: "method not allowed" }), {
    status: 405,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      ...CORS_HEADERS,
      Allow: allowed.join(", "),
    },
  });
}
