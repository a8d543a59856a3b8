/**
 * The one media type `POST /v1/events` accepts. Refusing every other one
 * (`text/plain`, forms) means a web page cannot post events cross-site
 * without the browser first asking the collector (a CORS preflight).
 *
 * @module
 */

/**
 * Whether a `Content-Type` header names `application/json`, with or without
 * parameters (as `; charset=utf-8`), in any case.
 *
 * @example
 * ```ts
 * import { isJsonMediaType } from "./json_media_type.ts";
 * isJsonMediaType("application/json; charset=utf-8"); // true
 * isJsonMediaType("text/plain"); // false
 * isJsonMediaType(null); // false
 * ```
 */
export function isJsonMediaType(contentType: string | null): boolean {
  return /^\s*application\/json\s*(;.*)?$/i.test(contentType ?? "");
}
