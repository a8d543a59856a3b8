/**
 * The library's spool under disk limits: a torn write never glues onto the
 * next event, and the 5 MiB cap holds as events are written.
 */

import { deepEqual, ok } from "node:assert/strict";
import { MAX_SPOOL_BYTES } from "../../src/spool/mod.ts";
import { runDiskLimitHost } from "../helpers/disk_limit_host.ts";
import { makeSandbox } from "../helpers/run_binary.ts";

Deno.test("a library write cut short by a full disk is taken back: every event reported recorded is pending whole", async () => {
  const box = await makeSandbox();
  Deno.mkdirSync(box.stateDir);
  const report = await runDiskLimitHost("torn", box.stateDir, "size=64k");
  ok(report.recorded.length > 5, `${report.recorded.length} recorded`);
  deepEqual(report.pending.sort(), report.recorded.sort());
  await box.remove();
});

Deno.test("60,000 library appends with no flush keep the spool within the 5 MiB cap", async () => {
  const box = await makeSandbox();
  const report = await runDiskLimitHost("cap", box.stateDir);
  ok(report.spoolBytes <= MAX_SPOOL_BYTES, `${report.spoolBytes} bytes on disk`);
  ok(report.spoolBytes > MAX_SPOOL_BYTES * 0.9, `${report.spoolBytes} bytes on disk`);
  ok(report.pending.every((id) => report.recorded.includes(id)));
  await box.remove();
});
