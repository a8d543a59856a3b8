/**
 * A local stand-in for GitHub's REST API, serving `GET /gists/{gist_id}` as
 * GitHub documents it: a `files` map whose entries carry `filename`,
 * `raw_url`, `size`, `truncated` and (up to a limit) `content`, the Gist's own
 * `truncated` flag past 300 files and its `git_pull_url`. Raw file contents
 * are served by a second server, on another origin as GitHub's raw host is,
 * so tests can see which requests carry the token.
 *
 * @module
 */

/** One request a server saw. */
export interface SeenRequest {
  path: string;
  headers: Headers;
}

/** The two servers and what they saw; `await using` stops them. */
export interface GistApi extends AsyncDisposable {
  /** The API base to give as `JMO_TELEMETRY_GITHUB_API`. */
  apiBase: string;
  apiRequests: SeenRequest[];
  rawRequests: SeenRequest[];
}

/** A file of the Gist; `truncateAt` cuts its `content` there and sets `truncated`. */
export interface GistFileSpec {
  content: string;
  truncateAt?: number;
}

/**
 * Serves one Gist with these files on 127.0.0.1 (free ports).
 *
 * @example
 * ```ts
 * import { serveGistApi } from "./gist_api_server.ts";
 * await using api = await serveGistApi("abc", { "events-1.jsonl": { content: "" } });
 * ```
 */
export function serveGistApi(
  gistId: string,
  files: Record<string, GistFileSpec>,
  options: { truncatedList?: boolean } = {},
): Promise<GistApi> {
  const apiRequests: SeenRequest[] = [];
  const rawRequests: SeenRequest[] = [];
  const raw = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    const path = new URL(request.url).pathname;
    rawRequests.push({ path, headers: request.headers });
    const name = decodeURIComponent(path.split("/").at(-1) ?? "");
    const file = files[name];
    return file ? new Response(file.content) : new Response("Not Found", { status: 404 });
  });
  const rawBase = `http://127.0.0.1:${raw.addr.port}`;
  const api = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (request) => {
    const path = new URL(request.url).pathname;
    apiRequests.push({ path, headers: request.headers });
    if (request.method !== "GET" || path !== `/gists/${gistId}`) {
      return Response.json({ message: "Not Found" }, { status: 404 });
    }
    const entries = Object.entries(files).map(([filename, file]) => {
      const truncated = file.truncateAt !== undefined;
      return [filename, {
        filename,
        type: "text/plain",
        language: null,
        raw_url: `${rawBase}/${gistId}/raw/0123abcd/${encodeURIComponent(filename)}`,
        size: new TextEncoder().encode(file.content).length,
        truncated,
        content: truncated ? file.content.slice(0, file.truncateAt) : file.content,
      }];
    });
    return Response.json({
      url: `http://127.0.0.1/gists/${gistId}`,
      id: gistId,
      public: false,
      files: Object.fromEntries(entries),
      truncated: options.truncatedList === true,
      git_pull_url: `https://gist.example/${gistId}.git`,
    });
  });
  return Promise.resolve({
    apiBase: `http://127.0.0.1:${api.addr.port}`,
    apiRequests,
    rawRequests,
    async [Symbol.asyncDispose]() {
      await api.shutdown();
      await raw.shutdown();
    },
  });
}
