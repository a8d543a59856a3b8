/**
 * The Gist transport: each batch becomes a new file of a GitHub Gist, added
 * with `PATCH {api}/gists/{id}` as GitHub's REST API documents it.
 *
 * @module
 */

import { VERSION } from "../version.ts";
import type { Verdict } from "./classify_response.ts";
import type { BodySize } from "./plan_batches.ts";
import { gistUrl } from "./describe_transport.ts";
import { type RequestOptions, sendRequest } from "./send_request.ts";

/** The Gist the batches go to, and the credential that may write it. */
export interface GistTarget {
  /** GitHub's API base, e.g. `https://api.github.com`; the token goes nowhere else. */
  apiBase: string;
  gistId: string;
  token: string;
}

/**
 * The name of a batch's new file: `events-<UTC time>-<batch id>.jsonl`,
 * unique per batch so that no delivery rewrites another's file.
 *
 * @example
 * ```ts
 * import { gistFileName } from "./send_to_gist.ts";
 * gistFileName(new Date("2026-11-23T10:00:00.123Z"), "1a2b3c4d");
 * // "events-20261123T100000Z-1a2b3c4d.jsonl"
 * ```
 */
export function gistFileName(now: Date, batchId: string): string {
  const time = now.toISOString().slice(0, 19).replace(/[-:]/g, "");
  return `events-${time}Z-${batchId}.jsonl`;
}

/**
 * The body of a Gist update adding one file whose content is the batch as
 * NDJSON, one spooled line per event.
 *
 * @example
 * ```ts
 * import { gistBody } from "./send_to_gist.ts";
 * gistBody(['{"event_id":"a"}'], new Date("2026-11-23T10:00:00Z"), "1a2b3c4d");
 * // '{"files":{"events-20261123T100000Z-1a2b3c4d.jsonl":{"content":"{\"event_id\":\"a\"}\n"}}}'
 * ```
 */
export function gistBody(lines: readonly string[], now: Date, batchId: string): string {
  const content = lines.map((line) => line + "\n").join("");
  return JSON.stringify({ files: { [gistFileName(now, batchId)]: { content } } });
}

const encoder = new TextEncoder();

/**
 * How a Gist body grows: the update adding an empty file (its name is of
 * fixed length), then each event's line and newline as JSON escapes them
 * into the file's content, so every `"` of the line counts twice.
 *
 * @example
 * ```ts
 * import { gistBodySize } from "./send_to_gist.ts";
 * gistBodySize.eventBytes({ line: '{"a":1}' }); // 11, for {\"a\":1}\n
 * ```
 */
export const gistBodySize: BodySize<{ line: string }> = {
  emptyBytes: encoder.encode(gistBody([], new Date(0), "00000000")).length,
  eventBytes: (event) => encoder.encode(JSON.stringify(event.line + "\n")).length - 2,
};

/**
 * Sends one Gist update with GitHub's documented headers; the token travels
 * only in this request's `Authorization` header, to the API base.
 *
 * @example
 * ```ts
 * import { gistBody, sendToGist } from "./send_to_gist.ts";
 * const now = new Date();
 * const verdict = await sendToGist(gistBody(['{"event_id":"a"}'], now, "1a2b3c4d"), {
 *   apiBase: "http://127.0.0.1:9090", gistId: "abc", token: "ghp_example",
 *   fetch, timeoutMs: 2_000, now: () => now,
 * });
 * ```
 */
export function sendToGist(body: string, options: RequestOptions & GistTarget): Promise<Verdict> {
  return sendRequest(
    gistUrl(options),
    {
      method: "PATCH",
      headers: {
        accept: "application/vnd.github+json",
        "x-github-api-version": "2022-11-28",
        "user-agent": `jmo-telemetry/${VERSION}`,
        authorization: `Bearer ${options.token}`,
        "content-type": "application/json",
      },
      body,
    },
    "gist",
    options,
  );
}
