/**
 * The spool's limits applied now, outside a flush: `show` and `status` speak
 * of what would really be sent, and an install whose flushes cannot reach
 * the network (air-gapped) still keeps to them.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { envelopeProblem } from "../events/envelope_problem.ts";
import { fsErrorCode } from "../fs/fs_error.ts";
import { recordRefusals, updateState } from "../install/mod.ts";
import {
  type DroppedCounts,
  enforceRetention,
  MAX_SPOOL_BYTES,
  processIsAlive,
  spoolLayout,
} from "../spool/mod.ts";
import type { ClientCore } from "./client_core.ts";

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
  const { home, maxAgeMs } = core.settings;
  let dropped: DroppedCounts = { expired: 0, overCap: 0, damaged: 0, invalid: [] };
  if (!existsSync(spoolLayout(home).root)) return dropped;
  try {
    dropped = enforceRetention(home, {
      now: core.now().getTime(),
      isAlive: processIsAlive,
      limits: { maxAgeMs, maxBytes: MAX_SPOOL_BYTES },
      check: envelopeProblem,
    });
    if (dropped.expired + dropped.overCap + dropped.damaged + dropped.invalid.length > 0) {
      updateState(home, (state) => {
        state.dropped.expired += dropped.expired;
        state.dropped.over_cap += dropped.overCap;
        state.dropped.damaged += dropped.damaged;
        recordRefusals(state, dropped.invalid.map((i) => `invalid in the spool: ${i.reason}`));
      });
    }
  } catch (error) {
    if (fsErrorCode(error) === undefined) throw error;
  }
  return dropped;
}
