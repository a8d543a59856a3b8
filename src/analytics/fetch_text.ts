/**
 * One GET whose answer is read whole, with errors that say what to do.
 *
 * @module
 */

import type { SourceIo } from "./source_io.ts";
import { SourceError } from "./source_error.ts";

/** An answer read whole. */
export interface TextAnswer {
  status: number;
  text: string;
}

/**
 * GETs a URL and reads the answer as text, bounded by the timeout. A request
 * carrying a credential never follows a redirect (the credential must not
 * travel to another host). A network failure or timeout is a `SourceError`.
 *
 * @example
 * ```ts
 * import { fetchText } from "./fetch_text.ts";
 * const io = { fetch, timeoutMs: 60_000, readStdin: () => Promise.resolve(""), warn: () => {} };
 * // const { status, text } = await fetchText("http://127.0.0.1:8787/v1/export", {}, io);
 * ```
 */
export async function fetchText(
  url: string,
  headers: Record<string, string>,
  io: SourceIo,
): Promise<TextAnswer> {
  const credentialed = Object.keys(headers).some((h) => h.toLowerCase() === "authorization");
  try {
    const response = await io.fetch(url, {
      headers,
      redirect: credentialed ? "manual" : "follow",
      signal: AbortSignal.timeout(io.timeoutMs),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    const what = timedOut
      ? `did not answer within ${io.timeoutMs / 1000} s`
      : `could not be reached (${error instanceof Error ? error.message : String(error)})`;
    throw new SourceError(`${new URL(url).origin} ${what}: check the URL and the network`);
  }
}
