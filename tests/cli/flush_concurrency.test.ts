import { deepEqual, equal } from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type DeliverySandbox, deliverySandbox } from "../helpers/delivery_sandbox.ts";
import { BINARY } from "../helpers/run_binary.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { spoolEvents } from "../helpers/spool_events.ts";
import { ACCEPTED, deliveredIds, eventIdsOf } from "../helpers/test_server.ts";

function startFlush(t: DeliverySandbox): Deno.ChildProcess {
  return new Deno.Command(BINARY, {
    args: ["flush", "--timeout", "60"],
    env: t.box.env(t.env),
    clearEnv: true,
    cwd: t.box.cwd,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

/** Every one of `ids` reached the collector in a `2xx` answer, and none twice. */
function assertDeliveredOnce(t: DeliverySandbox, ids: string[]): void {
  const delivered = deliveredIds(t.server);
  deepEqual([...delivered].sort(), [...ids].sort());
}

Deno.test("two flushes running at once deliver each event exactly once", async () => {
  const t = await deliverySandbox("hang");
  const first = [showNotice(t.box.home), ...spoolEvents(t.box.home, 1_200)];
  const a = startFlush(t);
  await t.server.waitForRequests(1);
  const second = spoolEvents(t.box.home, 800);
  const b = startFlush(t);
  await t.server.waitForRequests(2);
  t.server.reply = () => ACCEPTED;
  t.server.release(ACCEPTED);
  const [ra, rb] = await Promise.all([a.output(), b.output()]);
  equal(ra.code, 0, new TextDecoder().decode(ra.stdout));
  equal(rb.code, 0, new TextDecoder().decode(rb.stdout));
  // The second flusher found the first one's segments claimed and sent only the newer events.
  equal(eventIdsOf(t.server.requests[1]).every((id) => second.includes(id)), true);
  assertDeliveredOnce(t, [...first, ...second]);
  await t.remove();
});

Deno.test("two flushes started at the same instant never send the same event", async () => {
  const t = await deliverySandbox(ACCEPTED);
  const ids = [showNotice(t.box.home), ...spoolEvents(t.box.home, 3_000)];
  const results = await Promise.all([startFlush(t), startFlush(t)].map((c) => c.output()));
  equal(results.every((r) => r.code === 0), true);
  assertDeliveredOnce(t, ids);
  await t.remove();
});

Deno.test("a flusher killed with SIGKILL mid-batch leaves nothing stuck: the next flush delivers everything", async () => {
  const t = await deliverySandbox("hang");
  const ids = [showNotice(t.box.home), ...spoolEvents(t.box.home, 1_200)];
  const victim = startFlush(t);
  await t.server.waitForRequests(1);
  victim.kill("SIGKILL");
  equal((await victim.status).signal, "SIGKILL");
  equal(deliveredIds(t.server).length, 0);
  const claimed = join(t.box.stateDir, "spool", "claimed");
  equal(readdirSync(claimed).length, 1);
  t.server.reply = () => ACCEPTED;
  const r = await t.box.run(["flush"], { env: t.env });
  equal(r.code, 0, r.stdout);
  assertDeliveredOnce(t, ids);
  equal(readdirSync(claimed).length, 0);
  const status = JSON.parse((await t.box.run(["status", "--json"])).stdout);
  equal(status.pending.events, 0);
  await t.remove();
});
