/**
 * Every aggregate the dashboard and the report show, from one pass over the
 * selected events.
 *
 * @module
 */

import {
  DURATION_BUCKETS,
  type Envelope,
  EVENT_NAMES,
  FINDINGS_BUCKETS,
  type MetadataOf,
  MODES,
  PLATFORMS,
  POLICIES,
  PROFILES,
  SCAN_FREQUENCY_HINTS,
  SCHEMA_VERSIONS,
  TARGET_TYPES,
  TARGETS_BUCKETS,
  VIOLATIONS_BUCKETS,
} from "../events/mod.ts";
import type { CollectedEvent } from "./collected_event.ts";
import { type Count, countValues, type Group, occurrenceOf } from "./count_values.ts";
import { toolFailureRates, type ToolFailures } from "./tool_failure_rates.ts";

/** The label of an optional field that an event left out. */
export const NOT_GIVEN = "not given";
/** The label of a scan frequency the host could not tell (`null`). */
export const UNKNOWN = "unknown";
/** The labels of `ci_detected`. */
export const CI_LABELS = { yes: "in CI", no: "not in CI" } as const;
/** The labels of `multi_target_scan`. */
export const MULTI_TARGET_LABELS = { yes: "several kinds", no: "one kind" } as const;

/** What the selected events add up to. */
export interface Summary {
  /** Distinct valid events. */
  events: number;
  /** Distinct `anonymous_id`s. */
  uniqueInstalls: number;
  /** Distinct `anonymous_id`s that recorded at least one `scan.started`. */
  activeInstalls: number;
  scansStarted: number;
  scansCompleted: number;
  wizardRuns: number;
  toolFailures: number;
  /** Earliest and latest `timestamp`, or `null` when there is no event. */
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  /** Events of each of the six types. */
  byType: Group[];
  /** Installs by platform, each install counted once, by its latest event. */
  platforms: Group[];
  /** Installs by Python version, by their latest event. */
  pythonVersions: Group[];
  /** Installs by host tool version, by their latest event. */
  versions: Group[];
  /** `scan.started` events by profile. */
  profiles: Group[];
  /** `scan.started` events by execution mode. */
  modes: Group[];
  /** `scan.started` events listing each tool. */
  tools: Group[];
  /** Tools with their runs, failures and failure rate. */
  failures: ToolFailures[];
  /** `scan.completed` events by duration bucket, in bucket order. */
  durations: Group[];
  /** `scan.completed` events by findings bucket, in bucket order. */
  findings: Group[];
  /** Sum of each `scan.started` target count. */
  targetTypes: Count[];
  /** Events by schema version, as `schema 1`. */
  schemas: Group[];
  /** `scan.started` events run in CI or not (`not given` by schema 1 events). */
  ci: Group[];
  /** `scan.started` events over several kinds of target or one. */
  multiTarget: Group[];
  /** `scan.started` events by their bucketed number of targets. */
  targets: Group[];
  /** `scan.started` events by how often their install scans. */
  frequency: Group[];
  /** `policy.evaluated` events. */
  policyEvaluations: number;
  /** `policy.evaluated` events listing each policy (every user-defined one as `custom`). */
  policies: Group[];
  /** `policy.evaluated` events by their bucketed number of violations, in bucket order. */
  violations: Group[];
  /** Policies that passed and that failed, summed over `policy.evaluated` events. */
  policyResults: Count[];
  /** The latest events, newest first (at most 10). */
  latest: CollectedEvent[];
}

/** How many of the newest events the summary keeps. */
export const LATEST_EVENTS = 10;

/** What a schema 2 `scan.started` adds; nothing for schema 1. */
function scanFacts(e: Envelope & { event: "scan.started" }): Partial<MetadataOf["scan.started"]> {
  return e.schema === 2 ? e.metadata : {};
}

function yesNo(value: boolean | undefined, labels: { yes: string; no: string }): string {
  return value === undefined ? NOT_GIVEN : value ? labels.yes : labels.no;
}

function byTimestamp(a: CollectedEvent, b: CollectedEvent): number {
  return a.envelope.timestamp.localeCompare(b.envelope.timestamp);
}

/**
 * Summarises events (already deduplicated and selected).
 *
 * @example
 * ```ts
 * import { summarizeEvents } from "@jmo/telemetry/analytics";
 * const s = summarizeEvents([]);
 * s.events; // 0
 * s.byType.length; // 6
 * ```
 */
export function summarizeEvents(events: readonly CollectedEvent[]): Summary {
  const ordered = [...events].sort(byTimestamp);
  const latestOfInstall = new Map<string, CollectedEvent>();
  for (const e of ordered) latestOfInstall.set(e.envelope.anonymous_id.toLowerCase(), e);
  const installs = [...latestOfInstall.values()].map((e) => e.envelope);
  const started = ordered.flatMap((e) => e.envelope.event === "scan.started" ? [e.envelope] : []);
  const completed = ordered.flatMap((e) =>
    e.envelope.event === "scan.completed" ? [e.envelope] : []
  );
  const evaluated = ordered.flatMap((e) =>
    e.envelope.event === "policy.evaluated" ? [e.envelope] : []
  );
  const byType = countValues(ordered.map((e) => occurrenceOf(e.envelope.event, e.envelope)), {
    known: EVENT_NAMES,
    keepOrder: true,
  });
  const countOf = (name: string) => byType.find((c) => c.key === name)?.count ?? 0;
  return {
    events: ordered.length,
    uniqueInstalls: latestOfInstall.size,
    activeInstalls: new Set(started.map((e) => e.anonymous_id.toLowerCase())).size,
    scansStarted: countOf("scan.started"),
    scansCompleted: countOf("scan.completed"),
    wizardRuns: countOf("wizard.completed"),
    toolFailures: countOf("tool.failed"),
    firstTimestamp: ordered[0]?.envelope.timestamp ?? null,
    lastTimestamp: ordered.at(-1)?.envelope.timestamp ?? null,
    byType,
    platforms: countValues(installs.map((e) => occurrenceOf(e.platform, e)), { known: PLATFORMS }),
    pythonVersions: countValues(
      installs.map((e) => occurrenceOf(e.python_version ?? NOT_GIVEN, e)),
    ),
    versions: countValues(installs.map((e) => occurrenceOf(e.version, e))),
    profiles: countValues(
      started.map((e) => occurrenceOf(e.metadata.profile ?? NOT_GIVEN, e)),
      { known: PROFILES },
    ),
    modes: countValues(started.map((e) => occurrenceOf(e.metadata.mode, e)), { known: MODES }),
    tools: countValues(
      started.flatMap((e) => [...new Set(e.metadata.tools)].map((t) => occurrenceOf(t, e))),
    ),
    failures: toolFailureRates(ordered),
    durations: countValues(completed.map((e) => occurrenceOf(e.metadata.duration_bucket, e)), {
      known: DURATION_BUCKETS,
      keepOrder: true,
    }),
    findings: countValues(
      completed.map((e) => occurrenceOf(e.metadata.total_findings_bucket ?? NOT_GIVEN, e)),
      { known: [...FINDINGS_BUCKETS, NOT_GIVEN], keepOrder: true },
    ),
    targetTypes: TARGET_TYPES.map((key) => ({
      key,
      count: started.reduce((sum, e) => sum + e.metadata.target_types[key], 0),
    })),
    schemas: countValues(
      ordered.map((e) => occurrenceOf(`schema ${e.envelope.schema}`, e.envelope)),
      { known: SCHEMA_VERSIONS.map((v) => `schema ${v}`), keepOrder: true },
    ),
    ci: countValues(
      started.map((e) => occurrenceOf(yesNo(scanFacts(e).ci_detected, CI_LABELS), e)),
      { known: [CI_LABELS.yes, CI_LABELS.no, NOT_GIVEN], keepOrder: true },
    ),
    multiTarget: countValues(
      started.map((e) =>
        occurrenceOf(yesNo(scanFacts(e).multi_target_scan, MULTI_TARGET_LABELS), e)
      ),
      { known: [MULTI_TARGET_LABELS.yes, MULTI_TARGET_LABELS.no, NOT_GIVEN], keepOrder: true },
    ),
    targets: countValues(
      started.map((e) => occurrenceOf(scanFacts(e).total_targets_bucket ?? NOT_GIVEN, e)),
      { known: [...TARGETS_BUCKETS, NOT_GIVEN], keepOrder: true },
    ),
    frequency: countValues(
      started.map((e) => {
        const hint = scanFacts(e).scan_frequency_hint;
        return occurrenceOf(hint === undefined ? NOT_GIVEN : hint ?? UNKNOWN, e);
      }),
      { known: [...SCAN_FREQUENCY_HINTS, UNKNOWN, NOT_GIVEN], keepOrder: true },
    ),
    policyEvaluations: evaluated.length,
    policies: countValues(
      evaluated.flatMap((e) => [...new Set(e.metadata.policies)].map((p) => occurrenceOf(p, e))),
      { known: POLICIES },
    ),
    violations: countValues(
      evaluated.map((e) => occurrenceOf(e.metadata.violations_bucket, e)),
      { known: VIOLATIONS_BUCKETS, keepOrder: true },
    ),
    policyResults: [
      { key: "passed", count: evaluated.reduce((n, e) => n + e.metadata.passed_count, 0) },
      { key: "failed", count: evaluated.reduce((n, e) => n + e.metadata.failed_count, 0) },
    ],
    latest: ordered.slice(-LATEST_EVENTS).reverse(),
  };
}
