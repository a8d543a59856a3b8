import { equal } from "node:assert/strict";
import type { TrackMetadata } from "../../src/mod.ts";

// Checked by the compiler when this file is type-checked: each `@ts-expect-error`
// fails the check if the line below it is accepted.
type Completed = TrackMetadata<"scan.completed">;
const base = { profile: "fast", tools_succeeded: 1, tools_failed: 0 } as const;
const raw = { ...base, duration_seconds: 60, total_findings: 3 } as const;
const bucketed = { ...base, duration_bucket: "<5min", total_findings_bucket: "1-10" } as const;

const accepted: Completed[] = [raw, bucketed, { ...base, duration_bucket: "<5min" }];
// @ts-expect-error a raw duration and its bucket together
const bothDurations: Completed = { ...raw, duration_bucket: "<5min" };
// @ts-expect-error a raw finding count and its bucket together
const bothFindings: Completed = { ...raw, total_findings_bucket: "1-10" };
// @ts-expect-error an unknown key
const unknownKey: Completed = { ...raw, path: "/home/ada" };

Deno.test("TrackMetadata takes a raw number or its bucket, never both, and no unknown key (checked at compile time)", () => {
  equal(accepted.length, 3);
  equal([bothDurations, bothFindings, unknownKey].length, 3);
});
