/**
 * Moving refused event lines aside, out of the way of the next flush.
 *
 * @module
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { makeName, spoolLayout } from "./layout.ts";

/**
 * Keeps event lines the collector refused in `rejected/`, so they are not
 * retried forever and can still be inspected.
 *
 * @example
 * ```ts
 * import { setAside } from "./set_aside.ts";
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
