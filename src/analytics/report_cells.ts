/**
 * How the public quarterly report publishes its numbers: by the rule the
 * collector's public stats follow (`src/coarse/`), each count through one
 * coarse cell, with a key that makes a regenerated report identical.
 *
 * @module
 */

import { coarseCount, coarseCounts } from "../coarse/mod.ts";
import { hmacSha256, sha256 } from "../hash/mod.ts";
import type { CollectedEvent } from "./collected_event.ts";
import type { Count, Group } from "./count_values.ts";
import { type Quarter, quarterLabel } from "./quarter.ts";

export { EVENTS_STEP, INSTALLS_STEP, MIN_PUBLISHED_INSTALLS } from "../coarse/mod.ts";

/** The share that the groups not published on their own are gathered into. */
export const HIDDEN_GROUPS = "other (groups not shown)";

/** The key and scope that draw a quarter's offsets. */
export interface ReportCells {
  /** The HMAC key. */
  secret: string;
  /** The quarter, as `2026-Q1`: part of every cell's name. */
  scope: string;
}

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

/**
 * The cells of a quarter's report. With a maintainer's `secret`
 * (`JMO_TELEMETRY_REPORT_SECRET`), the key is an HMAC of the quarter under
 * it; without one, the SHA-256 of the quarter's event ids, sorted: random
 * UUIDs that only the maintainers hold, so the public cannot draw the
 * offsets, and the same events always give the same report.
 *
 * @example
 * ```ts
 * import { parseQuarter, reportCells } from "@jmo/telemetry/analytics";
 * reportCells([], parseQuarter("2026-Q1")!).scope; // "2026-Q1"
 * ```
 */
export function reportCells(
  events: readonly CollectedEvent[],
  quarter: Quarter,
  secret?: string,
): ReportCells {
  const scope = `${quarter.year}-Q${quarter.number}`;
  if (secret !== undefined && secret !== "") {
    return { secret: hex(hmacSha256(secret, quarterLabel(quarter))), scope };
  }
  const ids = events.map((e) => e.envelope.event_id.toLowerCase()).sort().join("\n");
  return { secret: hex(sha256(new TextEncoder().encode(ids))), scope };
}

/**
 * One number of the report as published: coarse to `step`.
 *
 * @example
 * ```ts
 * import { EVENTS_STEP, publishedTotal } from "@jmo/telemetry/analytics";
 * publishedTotal(123, EVENTS_STEP, { secret: "s", scope: "2026-Q1" }); // 120 or 130
 * ```
 */
export function publishedTotal(count: number, step: number, cells: ReportCells): number {
  return coarseCount(count, step, cells.secret, cells.scope);
}

/**
 * A split as the public report shows it: each group through its coarse cell
 * (`count` rounded to 10, or its installs rounded to 5 when `installs` is what
 * the split counts), shown only when its published installs reach 10, in the
 * order given; the groups not shown are gathered into one `HIDDEN_GROUPS`
 * cell, last, published by the same rule.
 *
 * @example
 * ```ts
 * import { publishSplit } from "@jmo/telemetry/analytics";
 * const of = (n: number, from = 0) => new Set(Array.from({ length: n }, (_, i) => `i${from + i}`));
 * publishSplit([{ key: "Linux", count: 40, installs: of(40) }, { key: "Windows", count: 1, installs: of(1, 40) }],
 *   { secret: "s", scope: "2026-Q1" }, "installs");
 * // [{ key: "Linux", count: 40 or 45 }]
 * ```
 */
export function publishSplit(
  groups: readonly Group[],
  cells: ReportCells,
  counts: "events" | "installs" = "events",
): Count[] {
  const cellsOf = (list: readonly Group[]) =>
    list.map((g) => ({ key: g.key, events: g.count, installs: g.installs.size }));
  const shown = coarseCounts(cellsOf(groups), cells.secret, cells.scope);
  const shownKeys = new Set(shown.map((g) => g.key));
  const hidden = groups.filter((g) => !shownKeys.has(g.key));
  const gathered = hidden.length === 0 ? [] : coarseCounts(
    [{
      key: HIDDEN_GROUPS,
      events: hidden.reduce((sum, g) => sum + g.count, 0),
      installs: new Set(hidden.flatMap((g) => [...g.installs])).size,
    }],
    cells.secret,
    cells.scope,
  );
  return [...shown, ...gathered].map((g) => ({
    key: g.key,
    count: counts === "installs" ? g.installs : g.events,
  }));
}
