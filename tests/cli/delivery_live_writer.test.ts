import { deepEqual, equal, match } from "node:assert/strict";
import { deliverySandbox } from "../helpers/delivery_sandbox.ts";
import { startLibraryHost } from "../helpers/library_host.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { ACCEPTED, deliveredIds } from "../helpers/test_server.ts";

Deno.test("a flush leaves a live library host's open segment alone however old it looks, so every event the host tracks is delivered", async () => {
  const t = await deliverySandbox(ACCEPTED);
  const notice = showNotice(t.box.home);
  const host = startLibraryHost(t.box.home, 20 * 60_000);
  const first = await host.track(1);
  // The host's event stays pending in its open segment: flush says events remain
  // (it does not wait for them: no flush holds them).
  const firstFlush = await t.box.run(["flush"], { env: t.env });
  equal(firstFlush.code, 3);
  match(firstFlush.stdout + firstFlush.stderr, /still being written by a running host/);
  deepEqual(deliveredIds(t.server), [notice]);
  const later = await host.track(2);
  await host.close();
  const last = await t.box.run(["flush"], { env: t.env });
  equal(last.code, 0, last.stdout + last.stderr);
  deepEqual(new Set(deliveredIds(t.server)), new Set([notice, ...first, ...later]));
  const status = JSON.parse((await t.box.run(["status", "--json"], { env: t.env })).stdout);
  equal(status.pending.events, 0);
  await t.remove();
});
