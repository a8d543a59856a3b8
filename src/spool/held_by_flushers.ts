/**
 * Counting what running flushers hold.
 *
 * @module
 */

import { join } from "node:path";
import { spoolLayout } from "./layout.ts";
import { listFolder } from "./list_folder.ts";
import { readSegment } from "./read_segment.ts";

/**
 * How many events flushers hold now (their claimed folders): pending, but
 * neither in `ready/` for the next flush nor in a writer's open segment.
 *
 * @example
 * ```ts
 * import { heldByFlushers } from "./held_by_flushers.ts";
 * heldByFlushers("/tmp/jmo-home"); // 0 when no flush is running
 * ```
 */
export function heldByFlushers(home: string): number {
  const { claimed } = spoolLayout(home);
  return listFolder(claimed).reduce((count, claim) => {
    const dir = join(claimed, claim);
    const segments = listFolder(dir).filter((name) => name.endsWith(".ndjson"));
    return count + segments.reduce((n, name) => n + readSegment(join(dir, name)).events.length, 0);
  }, 0);
}
