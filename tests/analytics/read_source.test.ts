import { deepEqual, equal, match, rejects } from "node:assert/strict";
import { join } from "node:path";
import { readSource, SourceError, type SourceIo } from "../../src/analytics/mod.ts";
import { datasetLines } from "../fixtures/analytics/dataset.ts";
import { serveGistApi } from "./gist_api_server.ts";

function io(warnings: string[] = [], stdin = ""): SourceIo {
  return {
    fetch,
    timeoutMs: 10_000,
    readStdin: () => Promise.resolve(stdin),
    warn: (message) => warnings.push(message),
  };
}

const lines = datasetLines();
const firstHalf = lines.slice(0, 22).join("\n") + "\n";
const secondHalf = lines.slice(22).join("\n") + "\n";

// The server follows GitHub's documented Gist API (GET /gists/{gist_id}, truncated files read from raw_url).
Deno.test("a Gist is read through GitHub's API: every events-*.jsonl file, a truncated one whole from its raw_url", async () => {
  await using api = await serveGistApi("f00d", {
    "events-20260101T000000Z-aaaa.jsonl": { content: firstHalf },
    "events-20260401T000000Z-bbbb.jsonl": { content: secondHalf, truncateAt: 100 },
    "README.md": { content: "not events" },
  });
  const c = await readSource({
    kind: "gist",
    gistId: "f00d",
    apiBase: api.apiBase,
    token: "ghp_test",
  }, io());
  deepEqual([c.events.length, c.duplicates, c.invalid.length], [38, 3, 2]);
  equal(c.partial, undefined, "a Gist listed whole is not partial");
  deepEqual(c.invalid.map((i) => i.origin), [
    "events-20260401T000000Z-bbbb.jsonl",
    "events-20260401T000000Z-bbbb.jsonl",
  ]);
  equal(api.apiRequests.length, 1);
  equal(api.apiRequests[0].headers.get("authorization"), "Bearer ghp_test");
  equal(api.apiRequests[0].headers.get("accept"), "application/vnd.github+json");
  equal(api.apiRequests[0].headers.get("x-github-api-version"), "2022-11-28");
  deepEqual(api.rawRequests.map((r) => r.path), [
    "/f00d/raw/0123abcd/events-20260401T000000Z-bbbb.jsonl",
  ]);
  equal(
    api.rawRequests[0].headers.get("authorization"),
    null,
    "the token never goes to the raw host",
  );
});

Deno.test("a Gist listed only in part (over 300 files) is read with a warning that says how to read it all, and marked partial", async () => {
  await using api = await serveGistApi("f00d", { "events-1.jsonl": { content: firstHalf } }, {
    truncatedList: true,
  });
  const warnings: string[] = [];
  const c = await readSource({
    kind: "gist",
    gistId: "f00d",
    apiBase: api.apiBase,
    token: undefined,
  }, io(warnings));
  equal(c.events.length, 20);
  equal(
    api.apiRequests[0].headers.get("authorization"),
    null,
    "a secret Gist is read without a token",
  );
  equal(warnings.length, 1);
  match(warnings[0], /first 300 files of gist:f00d.*git clone https:\/\/gist\.example\/f00d\.git/);
  equal(
    c.partial,
    "GitHub lists only the first 300 files of gist:f00d, more may exist: totals are partial",
  );
});

Deno.test("an unknown Gist is a SourceError that names the Gist and the token variable", async () => {
  await using api = await serveGistApi("f00d", {});
  await rejects(
    readSource({ kind: "gist", gistId: "nope", apiBase: api.apiBase, token: "t" }, io()),
    (e: Error) =>
      e instanceof SourceError && /404 for gist:nope.*JMO_TELEMETRY_GITHUB_TOKEN/.test(e.message),
  );
});

Deno.test("a folder is read as every *.jsonl and *.ndjson file in it, in name order", async () => {
  const dir = await Deno.makeTempDir({ prefix: "jmo-analytics-folder-" });
  await Deno.writeTextFile(join(dir, "events-b.jsonl"), secondHalf);
  await Deno.writeTextFile(join(dir, "events-a.ndjson"), firstHalf);
  await Deno.writeTextFile(join(dir, "notes.txt"), "not events");
  const c = await readSource({ kind: "path", path: dir }, io());
  deepEqual([c.events.length, c.duplicates, c.invalid.length], [38, 3, 2]);
  equal(c.invalid[0].origin, "events-b.jsonl");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("standard input is read as one NDJSON text; a missing file is a SourceError", async () => {
  const c = await readSource({ kind: "stdin" }, io([], firstHalf));
  equal(c.events.length, 20);
  await rejects(
    readSource({ kind: "path", path: "/nonexistent/events.jsonl" }, io()),
    (e: Error) => e instanceof SourceError && /does not exist/.test(e.message),
  );
});

Deno.test("a collector that cannot be reached is a SourceError, not a crash", async () => {
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response(),
  );
  const url = `http://127.0.0.1:${server.addr.port}/v1/export`;
  await server.shutdown();
  await rejects(
    readSource({ kind: "collector", exportUrl: url, token: "t" }, io()),
    (e: Error) => e instanceof SourceError && /could not be reached/.test(e.message),
  );
  await rejects(
    readSource({ kind: "collector", exportUrl: url, token: undefined }, io()),
    (e: Error) => e instanceof SourceError && /JMO_TELEMETRY_ADMIN_TOKEN/.test(e.message),
  );
});
