import { equal } from "node:assert/strict";
import { NOTICE_VERSION } from "../../src/consent/mod.ts";
import { FLUSH_AFTER_MS, flushDue } from "../../src/transport/mod.ts";

const NOW = Date.parse("2026-11-23T10:00:00Z");
const shown = { notice: { version: NOTICE_VERSION, shown: 1 } };
const due = {
  event: "scan.completed",
  oldestPendingMs: undefined,
  debug: false,
  holdDelivery: false,
  state: shown,
  nowMs: NOW,
};

Deno.test("a flush is due once the notice was shown in an earlier run", () => {
  equal(flushDue(due), true);
});

Deno.test("no flush in the run that first shows the notice, nor before any notice", () => {
  equal(flushDue({ ...due, holdDelivery: true }), false);
  equal(flushDue({ ...due, state: {} }), false);
  equal(flushDue({ ...due, state: { notice: { version: 0, shown: 3 } } }), false);
});

Deno.test("no flush in debug mode, nor before the backoff has passed", () => {
  equal(flushDue({ ...due, debug: true }), false);
  const backoff = { failures: 2, next_attempt_at: new Date(NOW + 60_000).toISOString() };
  equal(flushDue({ ...due, state: { ...shown, backoff } }), false);
  equal(flushDue({ ...due, state: { ...shown, backoff }, nowMs: NOW + 60_000 }), true);
});

Deno.test("a flush is due at the end of a scan only, or once the oldest event waited an hour", () => {
  for (const event of ["scan.started", "tool.failed", "report.generated", "wizard.completed"]) {
    equal(flushDue({ ...due, event }), false, event);
    equal(flushDue({ ...due, event, oldestPendingMs: NOW - FLUSH_AFTER_MS + 1 }), false, event);
    equal(flushDue({ ...due, event, oldestPendingMs: NOW - FLUSH_AFTER_MS }), true, event);
  }
});

Deno.test("a notice held for the next scan holds the flush at the end of the scan too", () => {
  equal(
    flushDue({ ...due, state: { notice: { version: NOTICE_VERSION, shown: 1, held: true } } }),
    false,
  );
  equal(flushDue({ ...due, state: { notice: { version: NOTICE_VERSION, shown: 2 } } }), true);
});
