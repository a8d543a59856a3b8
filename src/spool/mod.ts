/**
 * The persistent on-disk spool of events waiting to be sent.
 *
 * Writers seal whole segments into `ready/` by rename (safe under `kill -9`
 * and many writers at once); flushers claim segments by rename into a claim
 * folder and settle the claim after delivery, never take a live writer's
 * open segment, and set aside entries that cannot be read; retention drops
 * expired events and the oldest past the 5 MiB cap, and keeps batches the
 * server refused (`rejected/`) within the same age and a 1 MiB cap.
 *
 * @module
 */

export { appendEvents } from "./append_events.ts";
export {
  MAX_SEGMENT_BYTES,
  MAX_SEGMENT_EVENTS,
  SpoolWriter,
  WRITER_RECHECK_MS,
} from "./spool_writer.ts";
export { boundRejected, MAX_REJECTED_BYTES } from "./bound_rejected.ts";
export { claimableSegments, STALE_CLAIM_MS } from "./abandoned.ts";
export { claimPending, recoverAbandoned, settleClaim } from "./claim.ts";
export type { Claim, ClaimedEvent, ClaimOptions, InvalidLine, LineCheck } from "./claim.ts";
export { enforceRetention } from "./enforce_retention.ts";
export type { DroppedCounts } from "./enforce_retention.ts";
export { heldByFlushers } from "./held_by_flushers.ts";
export { oldestSealedMs, pendingEvents, spoolOverCap, summariseSpool } from "./inspect_spool.ts";
export type { SpoolSummary } from "./inspect_spool.ts";
export { makeName, parseName, spoolLayout } from "./layout.ts";
export type { NameParts, SpoolLayout } from "./layout.ts";
export { MAX_SPOOL_BYTES, planRetention } from "./plan_retention.ts";
export type { RetentionLimits, RetentionPlan } from "./plan_retention.ts";
export { purgeSpool } from "./purge_spool.ts";
export { setAside } from "./set_aside.ts";
export { previewRetention } from "./preview_retention.ts";
export type { RetentionPreview } from "./preview_retention.ts";
export { processIsAlive } from "./process_is_alive.ts";
export type { IsAlive } from "./process_is_alive.ts";
export { processScope } from "./process_scope.ts";
export { touchClaim } from "./touch_claim.ts";
export { trimToCap } from "./trim_to_cap.ts";
export { parseSegment, readSegment } from "./read_segment.ts";
export type { SegmentContent, SegmentRead, SpooledEvent } from "./read_segment.ts";
