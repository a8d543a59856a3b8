// Against tests/helpers/fake_github.ts: a local server that follows GitHub's
// documented Gist API (PATCH /gists/{gist_id}, the gist JSON in answer,
// x-ratelimit-* headers, 403/429 rate-limit answers).
import { deepEqual, equal, match } from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type FakeGitHub, startFakeGitHub } from "../helpers/fake_github.ts";
import { makeSandbox, type RunResult, type Sandbox } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { spoolEvents } from "../helpers/spool_events.ts";
import { startTestServer } from "../helpers/test_server.ts";

function gistEnv(github: FakeGitHub, extra: Record<string, string> = {}) {
  return {
    JMO_TELEMETRY_GIST_ID: github.gistId,
    JMO_TELEMETRY_GITHUB_TOKEN: github.token,
    JMO_TELEMETRY_GITHUB_API: github.apiBase,
    ...extra,
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile());
}

function assertNoToken(token: string, box: Sandbox, outputs: RunResult[]): void {
  for (const path of filesUnder(box.home)) {
    equal(readFileSync(path, "latin1").includes(token), false, `token written to ${path}`);
  }
  for (const r of outputs) equal((r.stdout + r.stderr).includes(token), false, r.stdout + r.stderr);
}

Deno.test("flush to a Gist (local server following GitHub's Gist API) adds one new file per batch, and the token never reaches disk or output", async () => {
  const box = await makeSandbox();
  const github = await startFakeGitHub();
  const collector = await startTestServer(() => ({ status: 200 }));
  const env = gistEnv(github, { JMO_TELEMETRY_ENDPOINT: `${collector.origin}/v1/events` });
  const ids = [showNotice(box.home), ...spoolEvents(box.home, 599)];
  const debug = await box.run(["flush"], { env: { ...env, JMO_TELEMETRY_DEBUG: "1" } });
  equal(debug.code, 3);
  match(debug.stderr, /it would be PATCH http:\/\/127\.0\.0\.1:\d+\/gists\/aa5a315d61ae9438b18d\n/);
  equal(github.server.requests.length, 0);
  const flushed = await box.run(["flush"], { env });
  equal(flushed.code, 0, flushed.stdout);
  match(flushed.stdout, /^Sent: +600 events in 2 batches to gist 127\.0\.0\.1:\d+\n/);
  equal(github.files.size, 2);
  equal(github.overwrites, 0);
  const sent = [...github.files.values()].flatMap((c) => c.trim().split("\n"))
    .map((l) => JSON.parse(l).event_id);
  deepEqual(sent.sort(), [...ids].sort());
  equal(collector.requests.length, 0);
  const status = await box.run(["status", "--json"], { env });
  equal(JSON.parse(status.stdout).transport.kind, "gist");
  spoolEvents(box.home, 1);
  github.server.reply = () => ({ status: 500, body: `{"message":"oops ${github.token}"}` });
  const failed = await box.run(["flush"], { env });
  equal(failed.code, 3);
  await github.server.close();
  const unreachable = await box.run(["flush"], { env });
  equal(unreachable.code, 3);
  match(unreachable.stdout, /network error/);
  assertNoToken(github.token, box, [debug, flushed, status, failed, unreachable]);
  await collector.close();
  await box.remove();
});

Deno.test("a Gist flush hitting GitHub's rate limit (local GitHub API) keeps the events and waits until the reset", async () => {
  const box = await makeSandbox();
  const github = await startFakeGitHub();
  github.rateLimit = "primary";
  showNotice(box.home);
  spoolEvents(box.home, 1);
  const beforeSeconds = Math.floor(Date.now() / 1000);
  const r = await box.run(["flush"], { env: gistEnv(github) });
  equal(r.code, 3);
  match(r.stdout, /Kept: +2 events \(HTTP 403 \(GitHub rate limit, retry after \d+ s\)\)/);
  const status = JSON.parse((await box.run(["status", "--json"], { env: gistEnv(github) })).stdout);
  equal(Date.parse(status.next_attempt_at) >= (beforeSeconds + 3600) * 1000, true);
  equal(status.pending.events, 2);
  await github.server.close();
  await box.remove();
});
