/**
 * Reading a GitHub Gist that the Gist transport writes to, through GitHub's
 * documented REST API (`GET /gists/{gist_id}`).
 *
 * @module
 */

import { gistUrl } from "../transport/describe_transport.ts";
import { VERSION } from "../version.ts";
import type { SourceText } from "./collected_event.ts";
import { fetchText } from "./fetch_text.ts";
import { SourceError } from "./source_error.ts";
import type { SourceIo } from "./source_io.ts";

/** The batch files the Gist transport adds: `events-<UTC time>-<batch id>.jsonl`. */
export const GIST_EVENTS_FILE = /^events-.*\.jsonl$/;

interface GistFile {
  content?: string;
  truncated?: boolean;
  raw_url?: string;
}

interface Gist {
  files?: Record<string, GistFile | null>;
  truncated?: boolean;
  git_pull_url?: string;
}

function githubHeaders(token: string | undefined): Record<string, string> {
  return {
    accept: "application/vnd.github+json",
    "x-github-api-version": "2022-11-28",
    "user-agent": `jmo-telemetry/${VERSION}`,
    ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
  };
}

async function fileContent(
  name: string,
  file: GistFile,
  target: { apiBase: string; token: string | undefined },
  io: SourceIo,
): Promise<string> {
  if (file.truncated !== true && typeof file.content === "string") return file.content;
  if (typeof file.raw_url !== "string" || !URL.canParse(file.raw_url)) {
    throw new SourceError(
      `the Gist's file ${name} is truncated and has no raw_url to read it from`,
    );
  }
  const sameHost = new URL(file.raw_url).origin === new URL(target.apiBase).origin;
  const answer = await fetchText(
    file.raw_url,
    githubHeaders(sameHost ? target.token : undefined),
    io,
  );
  if (answer.status !== 200) {
    throw new SourceError(
      `reading the Gist's file ${name} from its raw_url answered ${answer.status}`,
    );
  }
  return answer.text;
}

/** What GitHub's API gives of a Gist: its events files, and whether it listed them all. */
export interface GistRead {
  texts: SourceText[];
  /** Set when GitHub listed only part of the Gist's files: says so, for the totals' readers. */
  partial?: string;
}

/** How many files GitHub's API lists of a Gist at the most. */
const GIST_LISTED_FILES = 300;

/**
 * Every `events-*.jsonl` file of a Gist, in name (so time) order. A file the
 * API truncated (over 1 MB) is read whole from its `raw_url`; the token is
 * sent only to the API base, never to the raw host. When GitHub lists only
 * part of a Gist's files (over 300), a warning says how to read the rest and
 * `partial` says the totals are partial.
 *
 * @example
 * ```ts
 * import { readGistFiles } from "./read_gist_files.ts";
 * const io = { fetch, timeoutMs: 60_000, readStdin: () => Promise.resolve(""), warn: () => {} };
 * // const { texts, partial } = await readGistFiles({ gistId: "abc", apiBase: "https://api.github.com", token }, io);
 * ```
 */
export async function readGistFiles(
  target: { gistId: string; apiBase: string; token: string | undefined },
  io: SourceIo,
): Promise<GistRead> {
  const url = gistUrl(target);
  const answer = await fetchText(url, githubHeaders(target.token), io);
  if (answer.status === 401 || answer.status === 403 || answer.status === 404) {
    throw new SourceError(
      `GitHub answered ${answer.status} for gist:${target.gistId}: check the Gist id and that ` +
        "JMO_TELEMETRY_GITHUB_TOKEN may read it",
    );
  }
  let gist: Gist;
  try {
    if (answer.status !== 200) throw new Error(`answered ${answer.status}`);
    gist = JSON.parse(answer.text) as Gist;
  } catch (error) {
    throw new SourceError(
      `${url} did not give a Gist (${(error as Error).message}): check JMO_TELEMETRY_GITHUB_API`,
    );
  }
  const listed = `GitHub lists only the first ${GIST_LISTED_FILES} files of gist:${target.gistId}`;
  if (gist.truncated === true) {
    io.warn(
      `${listed}; to read them all, git clone ${gist.git_pull_url ?? "the Gist"} and pass the ` +
        "folder with --source",
    );
  }
  const names = Object.keys(gist.files ?? {}).filter((name) => GIST_EVENTS_FILE.test(name)).sort();
  const texts: SourceText[] = [];
  for (const name of names) {
    const file = gist.files?.[name];
    if (file) texts.push({ origin: name, text: await fileContent(name, file, target, io) });
  }
  return gist.truncated === true
    ? { texts, partial: `${listed}, more may exist: totals are partial` }
    : { texts };
}
