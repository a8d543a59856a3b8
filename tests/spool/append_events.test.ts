import { deepEqual, equal } from "node:assert/strict";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import {
  parseName,
  pendingEvents,
  processScope,
  spoolLayout,
  SpoolWriter,
  WRITER_RECHECK_MS,
} from "../../src/spool/mod.ts";
import { eventLine, tempHome } from "./spool_files.ts";

Deno.test("a writer whose open segment a flusher took and deleted while it sat idle writes its next events into a fresh segment", async () => {
  const { home, remove } = await tempHome();
  const { open } = spoolLayout(home);
  let clock = Date.now();
  const writer = new SpoolWriter(home, { now: () => clock });
  writer.append(eventLine());
  for (const name of readdirSync(open)) rmSync(join(open, name));
  clock += WRITER_RECHECK_MS;
  const later = [eventLine(), eventLine()];
  writer.append(later[0]);
  writer.append(later[1]);
  writer.seal();
  deepEqual(pendingEvents(home).map((e) => e.line).sort(), later.sort());
  await remove();
});

Deno.test("a writer names its open segment with its pid and this process's pid namespace", async () => {
  const { home, remove } = await tempHome();
  const writer = new SpoolWriter(home);
  writer.append(eventLine());
  const [name] = readdirSync(spoolLayout(home).open);
  deepEqual(parseName(name), {
    createdMs: parseName(name)!.createdMs,
    pid: Deno.pid,
    scope: processScope(),
  });
  writer.seal();
  equal(readdirSync(spoolLayout(home).ready).length, 1);
  await remove();
});
