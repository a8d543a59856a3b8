/**
 * A local stand-in for GitHub's REST API, limited to what the Gist transport
 * uses and following GitHub's documentation of "Update a gist"
 * (`PATCH /gists/{gist_id}`, API version 2022-11-28): bearer-token
 * authentication, `files` merged into the gist, the full gist JSON as the
 * answer, `x-ratelimit-*` headers on every answer, `403` with
 * `x-ratelimit-remaining: 0` for the primary rate limit and `429` with
 * `retry-after` for the secondary one.
 *
 * @module
 */

import { type Reply, startTestServer, type TestServer } from "./test_server.ts";

/** The fake API and the gist it holds. */
export interface FakeGitHub {
  server: TestServer;
  /** The API base to put in `JMO_TELEMETRY_GITHUB_API`. */
  apiBase: string;
  gistId: string;
  /** The only token the API accepts. */
  token: string;
  /** The gist's files by name. */
  files: Map<string, string>;
  /** How many updates rewrote a file that already existed (must stay 0). */
  overwrites: number;
  /** `primary`: `403` with the quota spent; `secondary`: `429` with `retry-after`. */
  rateLimit: "none" | "primary" | "secondary";
}

const DOCS = "https://docs.github.com/rest/gists/gists#update-a-gist";

function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(value),
  };
}

/** The fake's state, which its answers read and change. */
type GistState = Omit<FakeGitHub, "server">;

function gistJson(fake: GistState): unknown {
  const url = `${fake.apiBase}/gists/${fake.gistId}`;
  const files = Object.fromEntries(
    [...fake.files].map(([filename, content]) => [filename, {
      filename,
      type: "text/plain",
      language: null,
      raw_url: `https://gist.githubusercontent.com/jmo/${fake.gistId}/raw/${filename}`,
      size: new TextEncoder().encode(content).length,
      truncated: false,
      content,
    }]),
  );
  return {
    url,
    forks_url: `${url}/forks`,
    commits_url: `${url}/commits`,
    id: fake.gistId,
    node_id: "G_kwDOAAAAAA",
    git_pull_url: `https://gist.github.com/${fake.gistId}.git`,
    git_push_url: `https://gist.github.com/${fake.gistId}.git`,
    html_url: `https://gist.github.com/${fake.gistId}`,
    files,
    public: false,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: new Date().toISOString().slice(0, 19) + "Z",
    description: "jmo-telemetry events",
    comments: 0,
    user: null,
    truncated: false,
  };
}

function answer(
  fake: GistState,
  method: string,
  target: string,
  headers: Record<string, string>,
  body: string,
): Reply {
  const resetAt = Math.floor(Date.now() / 1000) + 3600;
  const limits = {
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": fake.rateLimit === "primary" ? "0" : "4999",
    "x-ratelimit-reset": String(resetAt),
    "x-ratelimit-used": fake.rateLimit === "primary" ? "5000" : "1",
    "x-ratelimit-resource": "core",
    "x-github-api-version-selected": "2022-11-28",
  };
  const auth = headers.authorization ?? "";
  if (auth !== `Bearer ${fake.token}` && auth !== `token ${fake.token}`) {
    return json(401, {
      message: "Bad credentials",
      documentation_url: "https://docs.github.com/rest",
      status: "401",
    }, limits);
  }
  if (fake.rateLimit === "primary") {
    return json(403, {
      message: "API rate limit exceeded for user ID 1.",
      documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api",
    }, limits);
  }
  if (fake.rateLimit === "secondary") {
    return json(429, {
      message:
        "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      documentation_url:
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    }, { ...limits, "retry-after": "600" });
  }
  const version = headers["x-github-api-version"];
  if (version !== undefined && version !== "2022-11-28") {
    return json(400, {
      message: `API version '${version}' is not supported.`,
      documentation_url: "https://docs.github.com/rest/overview/api-versions",
    }, limits);
  }
  if (target !== `/gists/${fake.gistId}`) {
    return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" }, limits);
  }
  if (method === "GET") return json(200, gistJson(fake), limits);
  if (method !== "PATCH") {
    return json(404, { message: "Not Found", documentation_url: DOCS, status: "404" }, limits);
  }
  let update: { files?: Record<string, { content?: string } | null> };
  try {
    update = JSON.parse(body);
  } catch {
    return json(
      400,
      { message: "Problems parsing JSON", documentation_url: DOCS, status: "400" },
      limits,
    );
  }
  if (typeof update?.files !== "object" || update.files === null) {
    return json(422, {
      message: "Validation Failed",
      errors: [{ resource: "Gist", code: "missing_field", field: "files" }],
      documentation_url: DOCS,
      status: "422",
    }, limits);
  }
  for (const [name, file] of Object.entries(update.files)) {
    if (file === null) {
      fake.files.delete(name);
    } else if (typeof file.content === "string") {
      if (fake.files.has(name)) fake.overwrites += 1;
      fake.files.set(name, file.content);
    }
  }
  return json(200, gistJson(fake), limits);
}

/**
 * Starts the fake GitHub API on 127.0.0.1 with one gist that `token` may update.
 *
 * @example
 * ```ts
 * import { startFakeGitHub } from "./fake_github.ts";
 * const github = await startFakeGitHub();
 * // JMO_TELEMETRY_GITHUB_API=github.apiBase, JMO_TELEMETRY_GIST_ID=github.gistId, ...
 * await github.server.close();
 * ```
 */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  const gist: GistState = {
    apiBase: "",
    gistId: "aa5a315d61ae9438b18d",
    token: `ghp_${crypto.randomUUID().replaceAll("-", "")}`,
    files: new Map(),
    overwrites: 0,
    rateLimit: "none",
  };
  const server = await startTestServer((r) => answer(gist, r.method, r.target, r.headers, r.body));
  return Object.assign(gist, { server, apiBase: server.origin });
}
