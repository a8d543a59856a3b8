/**
 * `audit.jsonl` answers "what left this machine" even when the flusher is
 * killed with SIGKILL mid-request: each request is written before it is
 * sent, its outcome after, and a resend shows as a second attempt.
 */

import { deepEqual, equal } from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { deliverySandbox } from "../helpers/delivery_sandbox.ts";
import { BINARY } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { spoolEvents } from "../helpers/spool_events.ts";
import { ACCEPTED, deliveredIds } from "../helpers/test_server.ts";

Deno.test("a flusher killed with SIGKILL mid-request leaves its request body in audit.jsonl; the resend shows as a second attempt, then delivered", async () => {
  const t = await deliverySandbox("hang");
  const ids = [showNotice(t.box.home), ...spoolEvents(t.box.home, 10)];
  const victim = new Deno.Command(BINARY, {
    args: ["flush", "--timeout", "60"],
    env: t.box.env(t.env),
    clearEnv: true,
    cwd: t.box.cwd,
    stdout: "null",
    stderr: "null",
  }).spawn();
  await t.server.waitForRequests(1);
  victim.kill("SIGKILL");
  equal((await victim.status).signal, "SIGKILL");
  const audit = () =>
    readFileSync(join(t.box.stateDir, "audit.jsonl"), "utf8").trim().split("\n").map((l) =>
      JSON.parse(l)
    );
  const [attempt] = audit();
  equal(attempt.outcome, "attempt");
  equal(attempt.body, t.server.requests[0].body, "the body that left is on record");
  t.server.reply = () => ACCEPTED;
  equal((await t.box.run(["flush"], { env: t.env })).code, 0);
  const lines = audit();
  deepEqual(lines.map((l) => l.outcome), ["attempt", "attempt", "delivered"]);
  equal(lines[1].body, t.server.requests[1].body);
  equal(lines[2].batch, lines[1].batch);
  deepEqual(deliveredIds(t.server).sort(), ids.sort());
  await t.remove();
});
