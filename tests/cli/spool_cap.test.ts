/**
 * The 5 MiB cap holds as `track` writes, not only when a flush, `show` or
 * `status` runs: an install whose deliveries fail for days keeps its spool
 * within the cap, the oldest events dropped and counted.
 */

import { equal, ok } from "node:assert/strict";
import { join } from "node:path";
import { appendEvents, MAX_SPOOL_BYTES } from "../../src/spool/mod.ts";
import { spoolBytes } from "../helpers/disk_limit_host.ts";
import { makeSandbox, trackArgs } from "../helpers/run_binary.ts";
import { eventLine } from "../spool/spool_files.ts";

Deno.test("track into a spool at the 5 MiB cap keeps it within the cap, dropping the oldest and counting them", async () => {
  const box = await makeSandbox();
  // A spool filled to the cap by earlier runs whose deliveries all failed.
  const line = eventLine();
  const perSegment = Math.floor(100_000 / (line.length + 1));
  while (spoolBytes(box.stateDir) < MAX_SPOOL_BYTES - 1_000) {
    appendEvents(box.stateDir, Array.from({ length: perSegment }, () => eventLine()));
  }
  for (let i = 0; i < 5; i++) equal((await box.run(trackArgs("scan.completed"))).code, 0);
  const bytes = spoolBytes(box.stateDir);
  ok(bytes <= MAX_SPOOL_BYTES, `${bytes} bytes pending`);
  const state = JSON.parse(Deno.readTextFileSync(join(box.stateDir, "state.json")));
  ok(state.dropped.over_cap > 0, JSON.stringify(state.dropped));
  await box.remove();
});
