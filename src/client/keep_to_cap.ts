/**
 * The spool's 5 MiB cap kept as events are written, not only when a flush,
 * `show` or `status` runs.
 *
 * @module
 */

import { updateState } from "../install/mod.ts";
import { MAX_SPOOL_BYTES, trimToCap } from "../spool/mod.ts";
import type { ClientCore } from "./client_core.ts";

/**
 * Run after each sealed segment: when the pending segments pass 5 MiB, the
 * oldest sealed segments are dropped whole until the spool takes at most
 * 5 MiB less one segment (room for a writer's open one), and their events
 * are counted as over the cap in `state.json`. Never throws: the event
 * stands whatever happens here.
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { keepToCap } from "./keep_to_cap.ts";
 * keepToCap(clientCore({ env: { JMO_HOME: "/tmp/jmo-home" } }));
 * ```
 */
export function keepToCap(core: ClientCore): void {
  try {
    const home = core.settings.home;
    const dropped = trimToCap(home, MAX_SPOOL_BYTES, core.now().getTime());
    if (dropped > 0) {
      updateState(home, (state) => {
        state.dropped.over_cap += dropped;
      });
    }
  } catch { /* the next seal, flush or status tries again */ }
}
