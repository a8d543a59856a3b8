/**
 * Where batches go, as reports, summaries and debug output name it: apart
 * from the transports themselves, so that naming one loads neither.
 *
 * @module
 */

import type { TransportSettings } from "../settings/mod.ts";
import type { TransportKind } from "./classify_response.ts";
import type { GistTarget } from "./send_to_gist.ts";

/**
 * The URL a Gist update goes to.
 *
 * @example
 * ```ts
 * import { gistUrl } from "./describe_transport.ts";
 * gistUrl({ apiBase: "https://api.github.com", gistId: "abc" }); // "https://api.github.com/gists/abc"
 * ```
 */
export function gistUrl(target: Pick<GistTarget, "apiBase" | "gistId">): string {
  return `${target.apiBase}/gists/${encodeURIComponent(target.gistId)}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "invalid URL";
  }
}

/** Where batches go, as summaries and debug output name it. */
export interface TransportTarget {
  kind: TransportKind;
  /** The endpoint's host (and port), for the audit log and summaries. */
  host: string;
  /** The method and URL, for debug output; never a credential. */
  target: string;
}

/**
 * Names the destination of the settings without building a sender.
 *
 * @example
 * ```ts
 * import { describeTransport } from "./describe_transport.ts";
 * describeTransport({ kind: "gist", gistId: "abc", token: "t", apiBase: "https://api.github.com" });
 * // { kind: "gist", host: "api.github.com", target: "PATCH https://api.github.com/gists/abc" }
 * ```
 */
export function describeTransport(settings: TransportSettings): TransportTarget {
  const [method, url] = settings.kind === "gist"
    ? ["PATCH", gistUrl(settings)]
    : ["POST", settings.endpoint];
  return { kind: settings.kind, host: hostOf(url), target: `${method} ${url}` };
}
