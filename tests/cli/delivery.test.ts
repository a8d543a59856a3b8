import { deepEqual, equal, match } from "node:assert/strict";
import { join } from "node:path";
import { setAside } from "../../src/spool/mod.ts";
import { processesWithEnv, waitUntil } from "../helpers/background_processes.ts";
import { type DeliverySandbox, deliverySandbox } from "../helpers/delivery_sandbox.ts";
import { ROOT, type Sandbox, trackArgs } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { spoolEvents } from "../helpers/spool_events.ts";
import { ACCEPTED, deliveredIds, eventIdsOf } from "../helpers/test_server.ts";
import { eventLine } from "../spool/spool_files.ts";

/** The test's environment plus a mark to find the flushers its `track` runs start. */
function marked(t: DeliverySandbox, extra: Record<string, string> = {}) {
  const run = crypto.randomUUID();
  return {
    env: { ...t.env, JMO_TEST_RUN: run, ...extra },
    flushers: () => processesWithEnv("JMO_TEST_RUN", run),
  };
}

async function pendingIds(box: Sandbox): Promise<string[]> {
  const out = (await box.run(["show"])).stdout.trim();
  return out === "" ? [] : out.split("\n").map((l) => JSON.parse(l).event_id);
}

Deno.test("nothing leaves an install before the host's next scan.started after the one that showed the notice; a flush by hand before that says so", async () => {
  const t = await deliverySandbox(ACCEPTED);
  const { env, flushers } = marked(t);
  const banner = await t.box.run(trackArgs("scan.started"), { env });
  match(banner.stderr, /Nothing is sent before your next run\./);
  equal((await t.box.run(trackArgs("scan.completed"), { env })).code, 0);
  equal((await t.box.run(trackArgs("report.generated"), { env })).code, 0);
  deepEqual(flushers(), []);
  const byHand = await t.box.run(["flush"], { env });
  equal(byHand.code, 3, byHand.stdout);
  match(
    byHand.stdout,
    /^Not sent: the first-run notice was shown at the host's last scan\.started/,
  );
  match(byHand.stdout, /Kept: +3 events \(waiting for the next scan\)/);
  equal(t.server.requests.length, 0);
  // The user's next run: its scan.started releases the first run's events, and its end sends them.
  equal((await t.box.run(trackArgs("scan.started"), { env })).code, 0);
  equal(t.server.requests.length, 0);
  equal((await t.box.run(trackArgs("scan.completed"), { env })).code, 0);
  await waitUntil(() => deliveredIds(t.server).length === 5, "the background flush to deliver");
  await waitUntil(() => flushers().length === 0, "the background flusher to end");
  equal(t.server.requests.length, 1);
  equal((await pendingIds(t.box)).length, 0);
  const status = JSON.parse((await t.box.run(["status", "--json"], { env })).stdout);
  equal(status.last_flush.outcome, "delivered");
  equal(status.last_flush.sent, 5);
  await t.remove();
});

Deno.test("the scan's one background flush starts at scan.completed, not before", async () => {
  const t = await deliverySandbox("hang");
  const { env, flushers } = marked(t, { JMO_TELEMETRY_TIMEOUT_SECONDS: "60" });
  showNotice(t.box.home);
  equal((await t.box.run(trackArgs("scan.started"), { env })).code, 0);
  equal((await t.box.run(trackArgs("tool.failed"), { env })).code, 0);
  // Against a collector that never answers, a flusher started now would still be alive.
  deepEqual(flushers(), []);
  equal((await t.box.run(trackArgs("scan.completed"), { env })).code, 0);
  equal(flushers().length, 1);
  await t.server.waitForRequests(1);
  t.server.release(ACCEPTED);
  await waitUntil(() => flushers().length === 0, "the background flusher to end");
  equal(eventIdsOf(t.server.requests[0]).length, 4);
  equal((await pendingIds(t.box)).length, 0);
  await t.remove();
});

Deno.test("a background flush waits out the backoff; flush by hand ignores it", async () => {
  const t = await deliverySandbox({ status: 503 });
  const ids = [showNotice(t.box.home), ...spoolEvents(t.box.home, 3)];
  equal((await t.box.run(["flush"], { env: t.env })).code, 3);
  t.server.reply = () => ACCEPTED;
  const background = await t.box.run(["flush", "--background"], { env: t.env });
  deepEqual(background, { code: 0, stdout: "", stderr: "" });
  equal(t.server.requests.length, 1);
  equal((await t.box.run(["flush"], { env: t.env })).code, 0);
  deepEqual(deliveredIds(t.server).sort(), [...ids].sort());
  await t.remove();
});

Deno.test("a failed background flush backs off, so the next track starts none", async () => {
  const t = await deliverySandbox({ status: 500 });
  const { env, flushers } = marked(t);
  showNotice(t.box.home);
  await t.box.run(trackArgs("scan.completed"), { env });
  await waitUntil(() => t.server.requests.length === 1 && flushers().length === 0, "one flush");
  const status = JSON.parse((await t.box.run(["status", "--json"], { env })).stdout);
  equal(status.last_flush.outcome, "failed");
  equal(status.consecutive_failures, 1);
  await t.box.run(trackArgs("scan.completed"), { env });
  deepEqual(flushers(), []);
  equal(t.server.requests.length, 1);
  equal((await pendingIds(t.box)).length, 3);
  await t.remove();
});

Deno.test("opting out after events were spooled sends none of them", async () => {
  const t = await deliverySandbox(ACCEPTED);
  const { env, flushers } = marked(t);
  await t.box.run(trackArgs("scan.started"), { env });
  equal((await pendingIds(t.box)).length, 1);
  equal((await t.box.run(["disable"], { env })).code, 0);
  equal((await t.box.run(trackArgs("scan.completed"), { env })).code, 0);
  const flushed = await t.box.run(["flush"], { env });
  equal(flushed.code, 0);
  match(flushed.stdout, /^Telemetry is off \(config:.*\): nothing was sent/);
  spoolEvents(t.box.home, 4);
  const byEnv = await t.box.run(["flush"], { env: { ...env, DO_NOT_TRACK: "1" } });
  equal(byEnv.code, 0);
  match(byEnv.stdout, /^Telemetry is off \(env:DO_NOT_TRACK\)/);
  deepEqual(flushers(), []);
  equal(t.server.requests.length, 0);
  equal((await pendingIds(t.box)).length, 0);
  await t.remove();
});

Deno.test("status shows the last flush outcome, the next attempt, the dropped counts and the refused events deleted from spool/rejected/", async () => {
  const t = await deliverySandbox({ status: 503 });
  showNotice(t.box.home);
  spoolEvents(t.box.home, 3, () => new Date(Date.now() - 40 * 86_400_000));
  spoolEvents(t.box.home, 1);
  setAside(t.box.stateDir, [eventLine(), eventLine()], Date.now() - 40 * 86_400_000);
  equal((await t.box.run(["flush"], { env: t.env })).code, 3);
  const s = JSON.parse((await t.box.run(["status", "--json"], { env: t.env })).stdout);
  equal(s.last_flush.outcome, "failed");
  equal(s.last_flush.kept, 2);
  equal(s.last_flush.detail, "HTTP 503");
  equal(typeof s.next_attempt_at, "string");
  equal(s.consecutive_failures, 1);
  equal(s.dropped.expired, 3);
  equal(s.dropped.rejected_deleted, 2);
  equal(s.rejected_batches, 0);
  const human = (await t.box.run(["status"], { env: t.env })).stdout;
  match(human, /Last flush: +failed at 20\S+ \(sent 0, kept 2, HTTP 503\)/);
  match(human, /Next attempt: +20\S+ \(backoff after 1 failed flush\)/);
  match(human, /Dropped: +3 expired/);
  match(
    human,
    /Set aside: +0 refused batches kept in spool\/rejected\/ .*; 2 refused events since deleted from it/,
  );
  await t.remove();
});

Deno.test("under Deno, track's background flush runs the CLI script again and delivers", async () => {
  const t = await deliverySandbox(ACCEPTED);
  const { env, flushers } = marked(t);
  const deno = (args: string[]) =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", join(ROOT, "src", "cli", "bin.ts"), ...args],
      env: t.box.env(env),
      clearEnv: true,
      cwd: t.box.cwd,
      stdout: "null",
      stderr: "null",
    }).output();
  showNotice(t.box.home);
  equal((await deno(trackArgs("scan.started"))).code, 0);
  equal((await deno(trackArgs("scan.completed"))).code, 0);
  await waitUntil(() => deliveredIds(t.server).length === 3, "the background flush to deliver");
  await waitUntil(() => flushers().length === 0, "the background flusher to end");
  await t.remove();
});
