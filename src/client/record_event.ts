/**
 * Recording one event: validate, give it the install's id, spool it, count
 * the scan and decide the banner.
 *
 * @module
 */

import { existsSync, mkdirSync } from "node:fs";
// The banner file alone, not consent/mod.ts: `track` must not load the YAML parser.
import { bannerText, decideBanner, noticeAllowsDelivery } from "../consent/banner.ts";
import { buildEvent, type EventInput } from "../events/build_event.ts";
import { EARLIEST_YEAR } from "../events/is_utc_second.ts";
import type { Envelope } from "../events/types.ts";
import { describeFsError, fsErrorCode } from "../fs/fs_error.ts";
import {
  deleteAnonymousId,
  ensureAnonymousId,
  readAnonymousId,
  readScanCount,
  readState,
  updateState,
  writeScanCount,
} from "../install/mod.ts";
import type { ClientCore } from "./client_core.ts";

/** What happened to one event. */
export interface RecordOutcome {
  envelope: Envelope;
  /** The banner to print on stderr, when due. */
  banner?: string;
  /** Delivery must wait for a later run: the notice was not shown before this run. */
  holdDelivery: boolean;
  /** The scan count after this event. */
  scanCount?: number;
  /**
   * What went wrong after the event was recorded (it stands): `state.json`
   * could not be updated, or was updated without its lock.
   */
  problem?: string;
}

/**
 * Makes the state folder if it is missing. `JMO_HOME` is made with its
 * parents; the default `~/.jmo-security` only inside a home that exists: a
 * missing HOME is not this client's to create (the event is then not
 * recorded, and the caller says so).
 */
function ensureStateFolder(core: ClientCore): void {
  const { home, homeFromEnv } = core.settings;
  if (existsSync(home)) return;
  mkdirSync(home, { recursive: homeFromEnv, mode: 0o700 });
}

/**
 * Validates and records an event; `write` puts its JSON line in the spool,
 * `readId` reads the install's anonymous id (a long-lived caller may cache it).
 * Throws `EventValidationError` before anything is written when the event is
 * refused; a disk error before the event is written is thrown, one after it
 * (`state.json` of a `scan.started`) is the outcome's `problem`. The Python
 * version is cut to major.minor. A clock before 2000 records nothing and
 * throws an error that says the clock is wrong (no event can carry its
 * time). `holdNoticeForNextScan` (the binary's way): a notice shown for the
 * first time holds delivery until the install's next `scan.started`, not
 * merely the next process. The caller has already decided that telemetry is on.
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { recordEvent } from "./record_event.ts";
 * import { appendEvents } from "../spool/mod.ts";
 * const core = clientCore({ env: { JMO_HOME: "/tmp/jmo-home" } });
 * recordEvent(core, { event: "tool.failed", metadata: {
 *   tool: "trivy", failure_type: "timeout", exit_code: null, profile: "fast" } },
 *   (line) => appendEvents(core.settings.home, [line]));
 * ```
 */
export function recordEvent(
  core: ClientCore,
  input: EventInput,
  write: (line: string) => void,
  readId: (home: string) => string | undefined = readAnonymousId,
  options: { holdNoticeForNextScan?: boolean } = {},
): RecordOutcome {
  const home = core.settings.home;
  const now = core.now();
  if (!(now.getUTCFullYear() >= EARLIEST_YEAR)) {
    // The host's event is fine; the clock is not, and no event can carry its time.
    throw new Error(
      `this computer's clock reads ${
        Number.isNaN(now.getTime()) ? "an invalid time" : now.toISOString().slice(0, 10)
      }, before ${EARLIEST_YEAR}: set the clock right`,
    );
  }
  const known = readId(home);
  let envelope = buildEvent(input, {
    eventId: crypto.randomUUID(),
    anonymousId: known ?? crypto.randomUUID(),
    now,
    platform: core.platform,
    defaultVersion: core.version,
    defaultMode: core.defaultMode,
  });
  let createdId = false;
  if (known === undefined) {
    ensureStateFolder(core);
    const settled = ensureAnonymousId(home, envelope.anonymous_id);
    createdId = settled === envelope.anonymous_id;
    if (!createdId) envelope = { ...envelope, anonymous_id: settled };
  }
  try {
    write(JSON.stringify(envelope));
  } catch (error) {
    // The id exists only once an event carries it: a failed first write leaves none behind.
    if (createdId) deleteAnonymousId(home);
    throw error;
  }
  if (envelope.event !== "scan.started") {
    return {
      envelope,
      // Read only by a caller about to deliver: a library appending thousands
      // of events never pays for the state file.
      get holdDelivery() {
        return !noticeAllowsDelivery(readState(home).notice);
      },
    };
  }
  const docker = core.settings.docker || envelope.metadata.mode === "docker";
  let scanCount = 0;
  let banner: ReturnType<typeof decideBanner> | undefined;
  let problem: string | undefined;
  try {
    updateState(home, (state) => {
      scanCount = readScanCount(home) + 1;
      writeScanCount(home, scanCount);
      banner = decideBanner(state.notice, { docker, hold: options.holdNoticeForNextScan });
      state.notice = banner.record;
    }, {
      onUnusable: (lockProblem) => {
        problem = lockProblem;
      },
    });
  } catch (error) {
    if (fsErrorCode(error) === undefined) throw error;
    // The notice is not on record: no banner, and nothing is sent until it is.
    return {
      envelope,
      holdDelivery: true,
      problem: `state.json could not be updated (${describeFsError(error)})`,
    };
  }
  return {
    envelope,
    banner: banner!.show ? bannerText(banner!.firstShowing) : undefined,
    holdDelivery: banner!.firstShowing,
    scanCount,
    ...(problem === undefined ? {} : { problem }),
  };
}
