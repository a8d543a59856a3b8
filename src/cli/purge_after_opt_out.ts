/**
 * What `disable` and `consent` do with events still spooled once the user
 * opted out: delete them, and say so when the disk refuses.
 *
 * @module
 */

import { describeFsError, fsErrorCode } from "../fs/fs_error.ts";
import { purgeSpool } from "../spool/mod.ts";

/**
 * Deletes every spooled event unsent. When the disk refuses (read-only, say),
 * `warn` gets one line: the choice stands, and every later run that finds
 * telemetry off tries again.
 *
 * @example
 * ```ts
 * import { purgeAfterOptOut } from "./purge_after_opt_out.ts";
 * purgeAfterOptOut("/tmp/jmo-home", (text) => console.error(text));
 * ```
 */
export function purgeAfterOptOut(home: string, warn: (text: string) => void): void {
  try {
    purgeSpool(home);
  } catch (error) {
    if (fsErrorCode(error) === undefined) throw error;
    warn(
      `jmo-telemetry: events still pending in ${home} could not be deleted (${
        describeFsError(error)
      }); the next run that can will delete them, and none is sent\n`,
    );
  }
}
