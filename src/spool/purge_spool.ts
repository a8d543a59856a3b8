/**
 * Deleting pending events unsent, and moving refused ones aside.
 *
 * @module
 */

import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { makeName, spoolLayout } from "./layout.ts";
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

/**
 * Keeps event lines the collector refused in `rejected/`, so they are not
 * retried forever and can still be inspected.
 *
 * @example
 * ```ts
 * import { setAside } from "./purge_spool.ts";
 * setAside("/tmp/jmo-home", ['{"event_id":"..."}'], Date.now());
 * ```
 */
export function setAside(home: string, lines: string[], now: number): void {
  if (lines.length === 0) return;
  const { rejected } = spoolLayout(home);
  mkdirSync(rejected, { recursive: true, mode: 0o700 });
  writeFileSync(join(rejected, makeName(now, process.pid, ".ndjson")), lines.join("\n") + "\n", {
    mode: 0o600,
  });
}
