import { deepEqual, equal } from "node:assert/strict";
import { combineFlushReports, emptyFlushReport } from "../../src/transport/mod.ts";

const TARGET = { kind: "collector" as const, endpoint: "http://127.0.0.1:9/v1/events" };

Deno.test("combined flush reports sum what was sent and dropped and keep the later kept count", () => {
  const first = {
    ...emptyFlushReport(TARGET, "delivered"),
    sent: 500,
    batches: 1,
    dropped: { expired: 2, overCap: 0, rejected: 1, damaged: 0, rejectedDeleted: 2 },
  };
  const second = {
    ...emptyFlushReport(TARGET, "failed"),
    kept: 300,
    detail: "HTTP 503",
    dropped: { expired: 1, overCap: 4, rejected: 0, damaged: 1, rejectedDeleted: 0 },
  };
  const both = combineFlushReports(first, second);
  equal(both.outcome, "partial");
  equal(both.sent, 500);
  equal(both.batches, 1);
  equal(both.kept, 300);
  equal(both.detail, "HTTP 503");
  deepEqual(both.dropped, { expired: 3, overCap: 4, rejected: 1, damaged: 1, rejectedDeleted: 2 });
});

Deno.test("a second flush that found nothing leaves the first one's outcome", () => {
  const first = { ...emptyFlushReport(TARGET, "delivered"), sent: 3, batches: 1 };
  equal(combineFlushReports(first, emptyFlushReport(TARGET, "nothing")).outcome, "delivered");
  equal(combineFlushReports(emptyFlushReport(TARGET, "nothing"), first).outcome, "delivered");
});

Deno.test("a second flush whose batches were all refused after the first one sent some is delivered, not rejected", () => {
  const first = { ...emptyFlushReport(TARGET, "delivered"), sent: 3, batches: 1 };
  const refused = emptyFlushReport(TARGET, "rejected");
  equal(combineFlushReports(first, refused).outcome, "delivered");
  equal(combineFlushReports(emptyFlushReport(TARGET, "nothing"), refused).outcome, "rejected");
});
