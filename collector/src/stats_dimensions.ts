/**
 * The dimensions of the public stats: how each stored event is sorted into
 * one group per dimension (or none). Adding a dimension is one entry here;
 * the aggregates, the release and the answer follow it.
 *
 * @module
 */

/** What the stats read of a stored event. */
export interface StatsEvent {
  event_type: string;
  version: string;
  platform: string;
  anonymous_id: string;
  timestamp: string;
  /** The metadata object, parsed. */
  metadata: Record<string, unknown>;
}

/** One dimension of the stats: its name in the answer and the group of an event. */
export interface StatsDimension {
  /** The property of the stats answer. */
  name: string;
  /** The event's group in this dimension, or `undefined` when it has none. */
  keyOf(event: StatsEvent): string | undefined;
  /** Groups ordered by key (weeks) rather than biggest first. */
  byKey?: boolean;
}

/**
 * The ISO 8601 week (`2025-W42`) of a UTC timestamp.
 *
 * @example
 * ```ts
 * import { isoWeekOf } from "./stats_dimensions.ts";
 * isoWeekOf("2025-10-19T14:48:00Z"); // "2025-W42"
 * isoWeekOf("2026-01-01T00:00:00Z"); // "2026-W01"
 * ```
 */
export function isoWeekOf(timestamp: string): string {
  const day = new Date(Date.parse(timestamp));
  const thursday = new Date(Date.UTC(
    day.getUTCFullYear(),
    day.getUTCMonth(),
    day.getUTCDate() - ((day.getUTCDay() + 6) % 7) + 3,
  ));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 604_800_000) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** A metadata field of one event type, as text, when it is a string, a number or a boolean. */
function field(eventType: string, name: string): (event: StatsEvent) => string | undefined {
  return (event) => {
    const value = event.metadata[name];
    if (event.event_type !== eventType) return undefined;
    return ["string", "number", "boolean"].includes(typeof value) ? String(value) : undefined;
  };
}

/** Every dimension of the stats answer, in its order. */
export const STATS_DIMENSIONS: readonly StatsDimension[] = [
  { name: "events_by_type", keyOf: (event) => event.event_type },
  { name: "profiles", keyOf: field("scan.started", "profile") },
  { name: "platforms", keyOf: (event) => event.platform },
  { name: "modes", keyOf: field("scan.started", "mode") },
  { name: "versions", keyOf: (event) => event.version },
  { name: "tool_failures", keyOf: field("tool.failed", "tool") },
  { name: "duration_buckets", keyOf: field("scan.completed", "duration_bucket") },
  { name: "active_installs_by_week", keyOf: (event) => isoWeekOf(event.timestamp), byKey: true },
  // Schema 2: absent from schema 1 events, which then count in none of these groups.
  { name: "ci_detected", keyOf: field("scan.started", "ci_detected") },
  { name: "multi_target_scans", keyOf: field("scan.started", "multi_target_scan") },
  { name: "total_targets_buckets", keyOf: field("scan.started", "total_targets_bucket") },
  { name: "scan_frequency_hints", keyOf: field("scan.started", "scan_frequency_hint") },
  { name: "policy_counts", keyOf: field("policy.evaluated", "policy_count") },
  { name: "violations_buckets", keyOf: field("policy.evaluated", "violations_bucket") },
];
