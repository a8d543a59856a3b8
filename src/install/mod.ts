/**
 * The install's state files: anonymous id, scan count, `state.json`, and the
 * lock and atomic writes that keep them whole under concurrent processes.
 *
 * @module
 */

export {
  deleteAnonymousId,
  ensureAnonymousId,
  ensureAnonymousIdFile,
  readAnonymousId,
  readAnonymousIdFile,
  rotateAnonymousId,
} from "./anonymous_id.ts";
export { installPaths } from "./install_paths.ts";
export type { InstallPaths } from "./install_paths.ts";
export {
  advanceScanCount,
  readScanCount,
  readScanCountFile,
  writeScanCount,
} from "./scan_count.ts";
export { emptyState, readState, updateState } from "./state_file.ts";
export { recordRefusals } from "./record_refusals.ts";
export type {
  BackoffState,
  CollectorSchemas,
  DroppedCounters,
  FlushOutcome,
  NormalisedCounters,
  TelemetryState,
} from "./state_file.ts";
export { withLock } from "./with_lock.ts";
export type { LockOptions } from "./with_lock.ts";
export { writeAtomic } from "./write_atomic.ts";
