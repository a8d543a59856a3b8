import { equal, match } from "node:assert/strict";
import { deliverySandbox } from "../helpers/delivery_sandbox.ts";
import { trackArgs } from "../helpers/run_binary.ts";
import { ACCEPTED, deliveredIds } from "../helpers/test_server.ts";

Deno.test("flush sends nothing before the notice was ever shown, says why and exits 3; once a scan.started showed it and the next one came, a flush sends", async () => {
  const t = await deliverySandbox(ACCEPTED);
  const failed = await t.box.run(trackArgs("tool.failed"), { env: t.env });
  equal(failed.code, 0);
  equal(failed.stderr, "", "tool.failed shows no banner");
  const held = await t.box.run(["flush"], { env: t.env });
  equal(held.code, 3);
  match(
    held.stdout,
    /^Not sent: nothing is sent before the first-run notice, and it was never shown/,
  );
  match(held.stdout, /\nKept: +1 event \(waiting for the notice\)\n$/);
  equal(t.server.requests.length, 0);
  const status = JSON.parse((await t.box.run(["status", "--json"], { env: t.env })).stdout);
  equal(status.pending.events, 1);
  equal(status.last_flush, null);

  const started = await t.box.run(trackArgs("scan.started"), { env: t.env });
  match(started.stderr, /collects anonymous usage telemetry/);
  equal((await t.box.run(["flush"], { env: t.env })).code, 3, "held for the next scan");
  equal((await t.box.run(trackArgs("scan.started"), { env: t.env })).code, 0);
  const flushed = await t.box.run(["flush"], { env: t.env });
  equal(flushed.code, 0, flushed.stdout);
  match(flushed.stdout, /^Sent: +3 events in 1 batch to collector/);
  equal(deliveredIds(t.server).length, 3);
  equal((await t.box.run(["show"], { env: t.env })).stdout, "");
  await t.remove();
});
