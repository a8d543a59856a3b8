/**
 * The spool's limits applied now, outside a flush: `show` and the binary's
 * `status` speak of what would really be sent, and an install whose flushes
 * cannot reach the network (air-gapped) still keeps to them. (The library's
 * `status()` counts what they would drop without claiming the spool:
 * `readStatus`.)
 *
 * @module
 */

import { existsSync } from "node:fs";
import { fsErrorCode } from "../fs/fs_error.ts";
import { updateState } from "../install/mod.ts";
import { type DroppedCounts, enforceRetention, spoolLayout } from "../spool/mod.ts";
import type { ClientCore } from "./client_core.ts";
import { countDropped } from "./count_dropped.ts";
import { retentionOptions } from "./retention_options.ts";

/**
 * Drops pending events older than `JMO_TELEMETRY_MAX_AGE_DAYS` and the oldest
 * past 5 MiB, and damaged lines, and sets aside lines
 * that are no valid event (counted as refused, with the reason), counting
 * each in `state.json`. Returns what was dropped. Without a spool it does
 * nothing and creates nothing. Best effort: on a disk that refuses
 * (read-only, full, a file where the spool should be) it drops what it can
 * and reports on; the next flush tries again.
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { applyRetention } from "./apply_retention.ts";
 * applyRetention(clientCore({ env: { JMO_HOME: "/tmp/jmo-home" } })).expired; // 0
 * ```
 */
export function applyRetention(core: ClientCore): DroppedCounts {
  const { home } = core.settings;
  let dropped: DroppedCounts = { expired: 0, overCap: 0, damaged: 0, invalid: [] };
  if (!existsSync(spoolLayout(home).root)) return dropped;
  try {
    dropped = enforceRetention(home, retentionOptions(core));
    if (dropped.expired + dropped.overCap + dropped.damaged + dropped.invalid.length > 0) {
      updateState(home, (state) => countDropped(state, dropped));
    }
  } catch (error) {
    if (fsErrorCode(error) === undefined) throw error;
  }
  return dropped;
}
