import assert from "node:assert/strict";
import { isoWeekOf, STATS_DIMENSIONS } from "../../collector/src/mod.ts";

Deno.test("isoWeekOf names the ISO 8601 week, Monday to Sunday, across year ends", () => {
  assert.equal(isoWeekOf("2024-01-29T00:00:00Z"), "2024-W05");
  assert.equal(isoWeekOf("2024-02-04T23:59:59Z"), "2024-W05");
  assert.equal(isoWeekOf("2025-12-29T08:00:00Z"), "2026-W01");
  assert.equal(isoWeekOf("2027-01-01T00:00:00Z"), "2026-W53");
});

Deno.test("each dimension sorts an event into its group, or none", () => {
  const event = {
    event_type: "scan.started",
    version: "1.0.1",
    platform: "Linux",
    anonymous_id: "a",
    timestamp: "2025-10-19T14:48:00Z",
    metadata: { profile: "deep", mode: "docker", ci_detected: false, total_targets_bucket: "2-5" },
  };
  const keys = Object.fromEntries(STATS_DIMENSIONS.map((d) => [d.name, d.keyOf(event)]));
  assert.deepEqual(keys, {
    events_by_type: "scan.started",
    profiles: "deep",
    platforms: "Linux",
    modes: "docker",
    versions: "1.0.1",
    tool_failures: undefined,
    duration_buckets: undefined,
    active_installs_by_week: "2025-W42",
    ci_detected: "false",
    multi_target_scans: undefined,
    total_targets_buckets: "2-5",
    scan_frequency_hints: undefined,
    policy_counts: undefined,
    violations_buckets: undefined,
  });
  const policy = { ...event, event_type: "policy.evaluated" };
  const evaluated = { ...policy, metadata: { policy_count: 3, violations_bucket: "1-5" } };
  const policyKeys = STATS_DIMENSIONS.filter((d) =>
    d.name.startsWith("policy") || d.name.startsWith("violations")
  )
    .map((d) => d.keyOf(evaluated));
  assert.deepEqual(policyKeys, ["3", "1-5"]);
});
