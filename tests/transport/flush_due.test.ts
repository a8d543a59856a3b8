import { equal } from "node:assert/strict";
import { NOTICE_VERSION } from "../../src/consent/mod.ts";
import { flushDue } from "../../src/transport/mod.ts";

const NOW = Date.parse("2026-11-23T10:00:00Z");
const shown = { notice: { version: NOTICE_VERSION, shown: 1 } };
const due = { debug: false, holdDelivery: false, state: shown, nowMs: NOW };

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
