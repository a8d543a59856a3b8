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

/** A metadata field of one event type, when it is a string. */
function field(eventType: string, name: string): (event: StatsEvent) => string | undefined {
  return (event) => {
    const value = event.metadata[name];
    return event.event_type === eventType && typeof value === "string" ? value : undefined;
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
];
