/**
 * Deleting pending events unsent.
 *
 * @module
 */

import { existsSync, rmSync } from "node:fs";
import { spoolLayout } from "./layout.ts";
import { pendingEvents } from "./inspect_spool.ts";

/**
 * Deletes the whole spool unsent; returns how many events it held. Cheap when
 * there is no spool: one `stat`, so an opted-out `track` pays almost nothing.
 *
 * @example
 * ```ts
 * import { purgeSpool } from "./purge_spool.ts";
 * purgeSpool("/tmp/jmo-home"); // 0 when nothing was pending
 * ```
 */
export function purgeSpool(home: string, options: { count?: boolean } = {}): number {
  const { root } = spoolLayout(home);
  if (!existsSync(root)) return 0;
  const count = options.count ? pendingEvents(home).length : 0;
  rmSync(root, { recursive: true, force: true });
  return count;
}
