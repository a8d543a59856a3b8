/**
 * Where `view` and `report` read events from, decided from `--source` and
 * the environment without any I/O.
 *
 * @module
 */

import { DEFAULT_ENDPOINT, DEFAULT_GITHUB_API, type Environment } from "../settings/mod.ts";
import { SourceError } from "./source_error.ts";

/** A source of events. */
export type EventSource =
  | {
    kind: "collector";
    /** The collector's `/v1/export` URL. */
    exportUrl: string;
    /** `JMO_TELEMETRY_ADMIN_TOKEN`. */
    token: string | undefined;
  }
  | {
    kind: "gist";
    gistId: string;
    /** GitHub's API base (`JMO_TELEMETRY_GITHUB_API`); the token goes nowhere else. */
    apiBase: string;
    /** `JMO_TELEMETRY_GITHUB_TOKEN`; a secret Gist is also readable without one. */
    token: string | undefined;
  }
  | { kind: "path"; path: string }
  | { kind: "stdin" };

function trimmed(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text === undefined || text === "" ? undefined : text;
}

/**
 * The collector's export URL for a collector URL as users give it: its base,
 * its `/v1/events` endpoint or its `/v1/export` itself.
 *
 * @example
 * ```ts
 * import { exportUrlOf } from "@jmo/telemetry/analytics";
 * exportUrlOf("https://telemetry.jmotools.com/v1/events"); // "https://telemetry.jmotools.com/v1/export"
 * exportUrlOf("http://127.0.0.1:8787/"); // "http://127.0.0.1:8787/v1/export"
 * ```
 */
export function exportUrlOf(collectorUrl: string): string {
  if (!URL.canParse(collectorUrl)) {
    throw new SourceError(
      `${collectorUrl} is not a URL: give the collector as http(s)://host[:port]`,
    );
  }
  const url = new URL(collectorUrl);
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith("/v1/export")
    ? path
    : `${path.replace(/\/v1\/events$/, "")}/v1/export`;
  url.search = "";
  url.hash = "";
  return url.toString();
}

/**
 * Resolves `--source` into a source. `http(s)://…` is a collector, `gist:<id>`
 * a Gist, `-` standard input, anything else a local file or folder. Without
 * `--source`: the Gist of `JMO_TELEMETRY_GIST_ID` when it is set, else the
 * collector that `JMO_TELEMETRY_ENDPOINT` (or the default endpoint) names.
 * A source that cannot name anything (`gist:` without an id, a collector URL
 * that is not a URL) is a `SourceError`, before any I/O.
 *
 * @example
 * ```ts
 * import { resolveSource } from "@jmo/telemetry/analytics";
 * resolveSource("gist:abc", {}).kind; // "gist"
 * resolveSource(undefined, { JMO_TELEMETRY_ENDPOINT: "http://127.0.0.1:8787/v1/events" });
 * // { kind: "collector", exportUrl: "http://127.0.0.1:8787/v1/export", token: undefined }
 * ```
 */
export function resolveSource(spec: string | undefined, env: Environment): EventSource {
  const gistId = trimmed(env.JMO_TELEMETRY_GIST_ID);
  const given = spec ?? (gistId === undefined ? undefined : `gist:${gistId}`);
  if (given === undefined || /^https?:\/\//i.test(given)) {
    return {
      kind: "collector",
      exportUrl: exportUrlOf(given ?? trimmed(env.JMO_TELEMETRY_ENDPOINT) ?? DEFAULT_ENDPOINT),
      token: trimmed(env.JMO_TELEMETRY_ADMIN_TOKEN),
    };
  }
  if (given.startsWith("gist:")) {
    const id = given.slice("gist:".length).trim();
    if (id === "") {
      throw new SourceError(
        "the Gist id is missing: give the source as gist:<id>, <id> being the last part of the Gist's URL",
      );
    }
    return {
      kind: "gist",
      gistId: id,
      apiBase: (trimmed(env.JMO_TELEMETRY_GITHUB_API) ?? DEFAULT_GITHUB_API).replace(/\/+$/, ""),
      token: trimmed(env.JMO_TELEMETRY_GITHUB_TOKEN),
    };
  }
  return given === "-" ? { kind: "stdin" } : { kind: "path", path: given };
}

/**
 * A short description of a source for headings and messages; never shows a token.
 *
 * @example
 * ```ts
 * import { describeSource } from "@jmo/telemetry/analytics";
 * describeSource({ kind: "gist", gistId: "abc", apiBase: "https://api.github.com", token: "t" });
 * // "gist:abc"
 * ```
 */
export function describeSource(source: EventSource): string {
  switch (source.kind) {
    case "collector":
      return source.exportUrl;
    case "gist":
      return `gist:${source.gistId}`;
    case "path":
      return source.path;
    case "stdin":
      return "standard input";
  }
}
