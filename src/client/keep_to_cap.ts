/**
 * The spool's 5 MiB cap kept as events are written, not only when a flush,
 * `show` or `status` runs.
 *
 * @module
 */

import { MAX_SEGMENT_BYTES, MAX_SPOOL_BYTES, spoolOverCap } from "../spool/mod.ts";
import { applyRetention } from "./apply_retention.ts";
import type { ClientCore } from "./client_core.ts";

/**
 * Run after each sealed segment: when the pending segments pass 5 MiB, the
 * oldest events are dropped (and counted as over the cap) until the sealed
 * ones take at most 5 MiB less one segment, so that with a writer's open
 * segment the spool stays within 5 MiB and the next few events do not each
 * trigger another pass. Never throws: the event stands whatever happens here.
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
    if (!spoolOverCap(core.settings.home, MAX_SPOOL_BYTES)) return;
    applyRetention(core, MAX_SPOOL_BYTES - MAX_SEGMENT_BYTES);
  } catch { /* the next seal, flush or status tries again */ }
}
