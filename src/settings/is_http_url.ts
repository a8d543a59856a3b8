/**
 * Whether a setting names a URL that `fetch` can send to.
 *
 * @module
 */

/**
 * True when `value` parses as an absolute `http:` or `https:` URL.
 *
 * @example
 * ```ts
 * import { isHttpUrl } from "./is_http_url.ts";
 * isHttpUrl("https://telemetry.jmotools.com/v1/events"); // true
 * isHttpUrl("ftp://example.com"); // false
 * isHttpUrl("telemetry.jmotools.com"); // false
 * ```
 */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}
