import { deepEqual, equal, ok } from "node:assert/strict";
import {
  collectEvents,
  EVENTS_STEP,
  HIDDEN_GROUPS,
  reportedToolFailures,
  toolFailureRates,
} from "../../src/analytics/mod.ts";
import {
  byInstalls,
  type FloorEvent,
  floorEventLines,
} from "../fixtures/analytics/floor_events.ts";

const AT = "2026-01-10T00:00:00Z";
/** Twenty keys: a property that holds under each holds whatever the offsets. */
const SECRETS = Array.from({ length: 20 }, (_, i) => `secret ${i}`);

function reported(events: FloorEvent[], secret: string) {
  const { events: collected } = collectEvents([
    { origin: "floor", text: floorEventLines(events).join("\n") },
  ]);
  return reportedToolFailures(toolFailureRates(collected), { secret, scope: "2026-Q1" });
}

Deno.test("a tool's failures are reported only when its published installs reach 10: a tool 5 installs ran never, one 10 ran always", () => {
  for (const secret of SECRETS) {
    const tools = reported([
      ...byInstalls(10, 1, { at: AT, scan: { tools: ["trivy"] } }),
      ...byInstalls(5, 20, { at: AT, scan: { tools: ["zap"] } }),
      { install: 20, at: AT, failed: { tool: "zap", type: "crash" } },
    ], secret);
    deepEqual(tools.map((t) => t.tool), ["trivy"], "zap, run by 5 installs, is left out");
  }
});

Deno.test("a tool's runs and failures are coarse cells, its rate computed from them, and a tool no scan listed has an unknown rate", () => {
  const rates = new Set<number | null>();
  for (const secret of SECRETS) {
    const tools = reported([
      ...byInstalls(34, 1, { at: AT, scan: { tools: ["trivy"] } }),
      ...byInstalls(17, 1, { at: AT, failed: { tool: "trivy" } }),
      ...byInstalls(12, 50, { at: AT, failed: { tool: "grype" } }),
    ], secret);
    const trivy = tools.find((t) => t.tool === "trivy")!;
    equal(trivy.runs % EVENTS_STEP, 0);
    equal(trivy.failures % EVENTS_STEP, 0);
    ok(Math.abs(trivy.runs - 34) < EVENTS_STEP && Math.abs(trivy.failures - 17) < EVENTS_STEP);
    equal(trivy.rate, trivy.failures / trivy.runs, "the rate is of the published numbers");
    rates.add(trivy.rate);
    const grype = tools.find((t) => t.tool === "grype");
    if (grype !== undefined) deepEqual([grype.runs, grype.rate], [0, null]);
  }
  ok(rates.size > 1, "the published rate depends on the key, not only on the true 17 of 34");
});

Deno.test("a failure type of one install never shows in a reported tool's types, on its own or as the gathered share", () => {
  for (const secret of SECRETS) {
    const [trivy] = reported([
      ...byInstalls(30, 1, { at: AT, scan: { tools: ["trivy"] } }),
      ...byInstalls(20, 1, { at: AT, failed: { tool: "trivy", type: "timeout" } }),
      { install: 25, at: AT, failed: { tool: "trivy", type: "crash" } },
    ], secret);
    for (const type of trivy.byType) {
      ok(![HIDDEN_GROUPS, "crash"].includes(type.key), `${type.key} shown`);
    }
  }
});
