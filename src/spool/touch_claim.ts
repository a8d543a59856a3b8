/**
 * Keeping a claim from looking idle while its flusher waits on the network.
 *
 * @module
 */

import { closeSync, openSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import type { Claim } from "./claim.ts";

/** The entry a flusher makes and removes in its claim to mark it alive. */
const ALIVE_MARK = ".alive";

/**
 * Marks a claim as still worked on, so that no other flusher judges it idle
 * while its owner waits on a slow server: an empty entry made and removed in
 * its folder sets the folder's time by the file system's clock, whatever
 * this process's clock says.
 *
 * @example
 * ```ts
 * import { claimPending } from "./claim.ts";
 * import { processIsAlive } from "./process_is_alive.ts";
 * import { touchClaim } from "./touch_claim.ts";
 * touchClaim(claimPending("/tmp/jmo-home", { now: Date.now(), isAlive: processIsAlive }));
 * ```
 */
export function touchClaim(claim: Claim): void {
  const mark = join(claim.dir, ALIVE_MARK);
  try {
    closeSync(openSync(mark, "w", 0o600));
    unlinkSync(mark);
  } catch { /* gone (taken over, purged) or never made: the owner finds out when it settles */ }
}
