import { deepEqual } from "node:assert/strict";
import {
  collectEvents,
  FOLDED_GROUPS,
  reportedToolFailures,
  toolFailureRates,
} from "../../src/analytics/mod.ts";
import {
  byInstalls,
  type FloorEvent,
  floorEventLines,
} from "../fixtures/analytics/floor_events.ts";

const AT = "2026-01-10T00:00:00Z";

function reported(events: FloorEvent[]) {
  const { events: collected } = collectEvents([
    { origin: "floor", text: floorEventLines(events).join("\n") },
  ]);
  return reportedToolFailures(toolFailureRates(collected))
    .map((t) => [t.tool, t.failures, t.runs, t.rate, t.byType.map((c) => [c.key, c.count])]);
}

Deno.test("a tool's failures are reported only when at least 5 installs ran it", () => {
  deepEqual(
    reported([
      ...byInstalls(5, 1, { at: AT, scan: { tools: ["trivy"] } }),
      ...byInstalls(4, 6, { at: AT, scan: { tools: ["zap"] } }),
      { install: 6, at: AT, failed: { tool: "zap", type: "crash" } },
    ]),
    [["trivy", 0, 5, 0, []]],
    "zap, run by 4 installs, is left out with its failure",
  );
});

Deno.test("an install that reported a tool failing ran it, and a tool no scan listed keeps its failures with an unknown rate", () => {
  deepEqual(
    reported([
      ...byInstalls(3, 1, { at: AT, scan: { tools: ["zap"] } }),
      ...byInstalls(2, 4, { at: AT, failed: { tool: "zap", type: "crash" } }),
      ...byInstalls(5, 10, { at: AT, failed: { tool: "grype" } }),
      ...byInstalls(4, 20, { at: AT, failed: { tool: "nuclei" } }),
    ]),
    [
      ["zap", 2, 3, 2 / 3, [[FOLDED_GROUPS, 2]]],
      ["grype", 5, 0, null, [["timeout", 5]]],
    ],
  );
});

Deno.test("the failure types of a reported tool are folded under the floor", () => {
  deepEqual(
    reported([
      ...byInstalls(9, 1, { at: AT, scan: { tools: ["trivy"] } }),
      ...byInstalls(6, 1, { at: AT, failed: { tool: "trivy", type: "timeout" } }),
      ...byInstalls(5, 1, { at: AT, failed: { tool: "trivy", type: "non_zero_exit" } }),
      { install: 9, at: AT, failed: { tool: "trivy", type: "crash" } },
    ]).map((t) => t[4]),
    [[["timeout", 6], [FOLDED_GROUPS, 6]]],
    "the crash of one install is folded with non_zero_exit, the smallest shown type",
  );
});
