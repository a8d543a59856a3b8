/**
 * The publication rule shared by the collector's public stats and the
 * quarterly report: coarse, consistent cells (`coarse_counts.ts`).
 *
 * @module
 */

export {
  coarseCount,
  coarseCounts,
  EVENTS_STEP,
  INSTALLS_STEP,
  MIN_PUBLISHED_INSTALLS,
} from "./coarse_counts.ts";
export type { PublishedCount, TrueCount } from "./coarse_counts.ts";
