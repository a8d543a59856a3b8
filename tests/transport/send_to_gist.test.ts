// The Gist tests run against tests/helpers/fake_github.ts: a local server that
// follows GitHub's documented Gist API ("Update a gist", PATCH /gists/{gist_id},
// API version 2022-11-28, with its rate-limit headers and answers).
import { deepEqual, equal, match, ok } from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readState } from "../../src/install/mod.ts";
import { appendEvents, pendingEvents } from "../../src/spool/mod.ts";
import { flushSpool, gistFileName, MAX_BATCH_BYTES } from "../../src/transport/mod.ts";
import { type FakeGitHub, startFakeGitHub } from "../helpers/fake_github.ts";
import { startTestServer } from "../helpers/test_server.ts";
import { eventLine, tempHome } from "../spool/spool_files.ts";
import { flushOptions } from "./flush_options.ts";

function gistOptions(home: string, github: FakeGitHub) {
  return flushOptions(home, {
    kind: "gist",
    gistId: github.gistId,
    token: github.token,
    apiBase: github.apiBase,
  });
}

Deno.test("file names carry the UTC time and the batch id", () => {
  equal(
    gistFileName(new Date("2026-11-23T10:04:05.678Z"), "0badc0de"),
    "events-20261123T100405Z-0badc0de.jsonl",
  );
});

Deno.test("Gist (local server following GitHub's Gist API): each batch adds a new NDJSON file with GitHub's documented headers", async () => {
  const { home, remove } = await tempHome();
  const github = await startFakeGitHub();
  const lines = Array.from({ length: 700 }, () => eventLine());
  appendEvents(home, lines);
  const report = await flushSpool(gistOptions(home, github));
  equal(report.outcome, "delivered");
  equal(report.transport, "gist");
  equal(github.files.size, 2);
  equal(github.overwrites, 0);
  for (const name of github.files.keys()) match(name, /^events-\d{8}T\d{6}Z-[0-9a-f]{8}\.jsonl$/);
  deepEqual(
    [...github.files.values()].flatMap((c) => c.trim().split("\n")).sort(),
    [...lines].sort(),
  );
  for (const request of github.server.requests) {
    equal(request.method, "PATCH");
    equal(request.target, `/gists/${github.gistId}`);
    equal(request.headers.accept, "application/vnd.github+json");
    equal(request.headers["x-github-api-version"], "2022-11-28");
    match(request.headers["user-agent"], /^jmo-telemetry\/\d+\.\d+\.\d+/);
    equal(request.headers.authorization, `Bearer ${github.token}`);
  }
  const audit = readFileSync(join(home, "audit.jsonl"), "utf8");
  equal(audit.includes(github.token), false);
  equal(JSON.parse(audit.split("\n")[0]).transport, "gist");
  await github.server.close();
  await remove();
});

Deno.test("Gist (local GitHub API): large events are cut into batches whose request body stays within 256 KiB", async () => {
  const { home, remove } = await tempHome();
  const github = await startFakeGitHub();
  // Each line is about 2 KiB (a scan of 60 tools), and larger once JSON escapes its quotes.
  const lines = Array.from({ length: 400 }, () => {
    const event = JSON.parse(eventLine());
    return JSON.stringify({
      ...event,
      event: "scan.started",
      metadata: {
        mode: "cli",
        profile: "balanced",
        tools: Array.from({ length: 60 }, (_, i) => `tool-${i}-${"x".repeat(20)}`),
        target_types: { repos: 1, images: 0, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
      },
    });
  });
  appendEvents(home, lines);
  const report = await flushSpool(gistOptions(home, github));
  equal(report.outcome, "delivered");
  ok(github.server.requests.length > 2);
  for (const request of github.server.requests) {
    const bytes = new TextEncoder().encode(request.body).length;
    ok(bytes <= MAX_BATCH_BYTES, `a request of ${bytes} bytes`);
  }
  deepEqual(
    [...github.files.values()].flatMap((c) => c.trim().split("\n")).sort(),
    [...lines].sort(),
  );
  await github.server.close();
  await remove();
});

for (
  const [limit, status, wait] of [
    ["primary", "403", 3600],
    ["secondary", "429", 600],
  ] as const
) {
  Deno.test(`Gist (local GitHub API): the ${limit} rate limit (${status}) keeps the event and backs off until it lifts`, async () => {
    const { home, remove } = await tempHome();
    const github = await startFakeGitHub();
    github.rateLimit = limit;
    appendEvents(home, [eventLine()]);
    // The fake lifts its limit `wait` seconds after its answer (x-ratelimit-reset or retry-after).
    const beforeSeconds = Math.floor(Date.now() / 1000);
    const report = await flushSpool(gistOptions(home, github));
    equal(report.outcome, "failed");
    match(
      report.detail ?? "",
      new RegExp(`^HTTP ${status} \\(GitHub rate limit, retry after \\d+ s\\)$`),
    );
    ok(Date.parse(readState(home).backoff!.next_attempt_at) >= (beforeSeconds + wait) * 1000);
    equal(pendingEvents(home).length, 1);
    await github.server.close();
    await remove();
  });
}

Deno.test("Gist: the token never follows a redirect to another host", async () => {
  const { home, remove } = await tempHome();
  const elsewhere = await startTestServer(() => ({ status: 200 }));
  const github = await startFakeGitHub();
  github.server.reply = () => ({
    status: 307,
    headers: { location: `${elsewhere.origin}/gists/${github.gistId}` },
  });
  appendEvents(home, [eventLine()]);
  const report = await flushSpool(gistOptions(home, github));
  equal(report.detail, "HTTP 307 (redirects are not followed)");
  equal(elsewhere.requests.length, 0);
  equal(pendingEvents(home).length, 1);
  await elsewhere.close();
  await github.server.close();
  await remove();
});
