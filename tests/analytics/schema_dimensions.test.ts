import { deepEqual, equal } from "node:assert/strict";
import { collectEvents, summarizeEvents } from "../../src/analytics/mod.ts";
import { bothSchemasLines } from "../fixtures/analytics/schema_dimensions_events.ts";
import { HOST_PAYLOADS } from "../fixtures/host_payloads.ts";

type Pairs = [string, number][];
const pairs = (groups: { key: string; count: number }[]): Pairs =>
  groups.map((g) => [g.key, g.count]);

Deno.test("the summary reads both schemas and counts schema 2's dimensions: CI, multi-target, targets, frequency, policies, violations", () => {
  const { events, invalid } = collectEvents([
    { origin: "both", text: bothSchemasLines(2, "2026-05-04").join("\n") },
  ]);
  deepEqual(invalid, []);
  const s = summarizeEvents(events);
  const perInstall = HOST_PAYLOADS.length;
  deepEqual(pairs(s.schemas), [["schema 1", 2], ["schema 2", 2 * perInstall]]);
  // Per install: 7 host scan.started (CI in 2 of them) and one schema 1 scan.started.
  deepEqual(pairs(s.ci), [["in CI", 4], ["not in CI", 10], ["not given", 2]]);
  deepEqual(pairs(s.multiTarget), [["several kinds", 8], ["one kind", 6], ["not given", 2]]);
  deepEqual(pairs(s.targets), [
    ["1", 4],
    ["2-5", 4],
    ["6-10", 2],
    ["11-50", 2],
    [">50", 2],
    ["not given", 2],
  ]);
  deepEqual(pairs(s.frequency), [
    ["first_time", 2],
    ["weekly", 6],
    ["daily", 4],
    ["unknown", 2],
    ["not given", 2],
  ]);
  equal(s.policyEvaluations, 10);
  deepEqual(pairs(s.policies).slice(0, 4), [
    ["owasp-top-10", 6],
    ["zero-secrets", 6],
    ["pci-dss", 4],
    ["production-hardening", 4],
  ]);
  equal(s.policies.find((g) => g.key === "custom")?.count, 2);
  deepEqual(pairs(s.violations), [["0", 2], ["1-5", 2], ["5-20", 2], ["20-100", 2], [">100", 2]]);
  deepEqual(pairs(s.policyResults), [["passed", 14], ["failed", 12]]);
  equal(s.profiles.find((g) => g.key === "custom")?.count, 6);
});
