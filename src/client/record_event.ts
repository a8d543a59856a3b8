/**
 * Recording one event: validate, give it the install's id, spool it, count
 * the scan and decide the banner.
 *
 * @module
 */

import { existsSync, mkdirSync } from "node:fs";
// The banner file alone, not consent/mod.ts: `track` must not load the YAML parser.
import { bannerText, decideBanner, noticeAllowsDelivery } from "../consent/banner.ts";
import type { EventInput } from "../events/build_event.ts";
import { EARLIEST_YEAR } from "../events/is_utc_second.ts";
import type { FieldChange } from "../events/normalise_fields.ts";
import type { Schema2Envelope } from "../events/types.ts";
import { describeFsError, fsErrorCode } from "../fs/fs_error.ts";
import {
  deleteAnonymousId,
  ensureAnonymousId,
  readAnonymousId,
  readScanCount,
  readState,
  type TelemetryState,
  updateState,
  writeScanCount,
} from "../install/mod.ts";
import { checkEvent } from "./check_event.ts";
import type { ClientCore } from "./client_core.ts";

/** An event to record, and what the host already did for it. */
export interface RecordInput extends EventInput {
  /** The host advanced the scan count for this scan itself (`scan-count --increment`). */
  scanCounted?: boolean;
}

/** What happened to one event. */
export interface RecordOutcome {
  envelope: Schema2Envelope;
  /** Unknown keys dropped and values recorded as `custom` or `other` (none in strict mode). */
  changes: FieldChange[];
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

/** The notice of one scan, as `scan.started` records it in `state.json`. */
export interface ScanNotice {
  banner?: string;
  holdDelivery: boolean;
  scanCount?: number;
  problem?: string;
}

/** Adds what normalisation changed to the install's counters. */
function countChanges(state: TelemetryState, changes: readonly FieldChange[]): void {
  for (const { change } of changes) {
    if (change === "dropped") state.normalised.keys_dropped += 1;
    else state.normalised.values_replaced += 1;
  }
}

/**
 * Updates `state.json` under its lock: `change` edits it. A disk error is
 * returned as the outcome's `problem` (the event, already written, stands),
 * a lock that could not be used as well.
 */
function updateStateAfterWrite(
  core: ClientCore,
  change: (state: TelemetryState) => void,
): { ok: boolean; problem?: string } {
  let problem: string | undefined;
  try {
    updateState(core.settings.home, change, {
      onUnusable: (lockProblem) => {
        problem = lockProblem;
      },
    });
  } catch (error) {
    if (fsErrorCode(error) === undefined) throw error;
    return { ok: false, problem: `state.json could not be updated (${describeFsError(error)})` };
  }
  return problem === undefined ? { ok: true } : { ok: true, problem };
}

/** How a caller shows the notice. */
export interface NoticeOptions {
  /**
   * The caller shows the banner (default true); false for a library host
   * that shows none: the notice is then neither shown nor recorded as shown.
   */
  announce?: boolean;
  /**
   * The binary's way: a notice shown for the first time holds delivery
   * until the install's next `scan.started` (the host's next run), not
   * merely until the next process.
   */
  holdNoticeForNextScan?: boolean;
}

/**
 * Records the notice of a scan (and counts it, unless `count` is false) and
 * decides the banner; `changes` are counted in the same update. With
 * `announce` false (a library host that shows no banner) the notice is
 * neither shown nor recorded as shown, and delivery waits as it did.
 */
function recordScanNotice(
  core: ClientCore,
  docker: boolean,
  count: boolean,
  changes: readonly FieldChange[],
  notice: NoticeOptions,
): ScanNotice {
  const announce = notice.announce ?? true;
  const hold = notice.holdNoticeForNextScan === true;
  const home = core.settings.home;
  let scanCount: number | undefined;
  let banner: ReturnType<typeof decideBanner> | undefined;
  let noticeAllows = false;
  const update = updateStateAfterWrite(core, (state) => {
    if (count) {
      scanCount = readScanCount(home) + 1;
      writeScanCount(home, scanCount);
    }
    countChanges(state, changes);
    noticeAllows = noticeAllowsDelivery(state.notice);
    if (!announce) return;
    banner = decideBanner(state.notice, { docker, hold });
    state.notice = banner.record;
  });
  // The notice is not on record: no banner, and nothing is sent until it is.
  if (!update.ok) return { holdDelivery: true, problem: update.problem };
  const counted = {
    ...(scanCount === undefined ? {} : { scanCount }),
    ...(update.problem === undefined ? {} : { problem: update.problem }),
  };
  if (!announce) return { holdDelivery: !noticeAllows, ...counted };
  return {
    banner: banner!.show ? bannerText(banner!.firstShowing) : undefined,
    holdDelivery: banner!.firstShowing,
    ...counted,
  };
}

/**
 * The banner of a `scan.started` that was refused: the notice does not
 * depend on an accepted event, so it is recorded and shown when due as for
 * any scan, but the scan is not counted. Returns the banner text when due
 * (none when the state folder cannot be written), and whether delivery
 * waits for a later run. `notice` as for `recordEvent`.
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { noticeOfRefusedScan } from "./record_event.ts";
 * const core = clientCore({ env: { JMO_HOME: "/tmp/jmo-home" } });
 * noticeOfRefusedScan(core, "cli").banner; // the banner, on a first scan
 * ```
 */
export function noticeOfRefusedScan(
  core: ClientCore,
  mode: unknown,
  notice: NoticeOptions = {},
): ScanNotice {
  try {
    ensureStateFolder(core);
    return recordScanNotice(core, core.settings.docker || mode === "docker", false, [], notice);
  } catch {
    return { holdDelivery: true };
  }
}

/**
 * Validates and records an event; `write` puts its JSON line in the spool,
 * `readId` reads the install's anonymous id (a long-lived caller may cache it).
 * The event is normalised unless `input.strict` (default: the client's
 * `strict`, from `JMO_TELEMETRY_STRICT`), and what was changed is counted in
 * `state.json`. Throws `EventValidationError` before anything is written
 * when the event is refused; a disk error before the event is written is
 * thrown, one after it (`state.json`) is the outcome's `problem`. The
 * Python version is cut to major.minor. A clock before 2000 records
 * nothing and throws an error that says the clock is wrong (no event can
 * carry its time). The caller has already decided that telemetry is on.
 * `notice` says how the caller shows the notice (`NoticeOptions`).
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
  input: RecordInput,
  write: (line: string) => void,
  readId: (home: string) => string | undefined = readAnonymousId,
  notice: NoticeOptions = {},
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
  const prepared = checkEvent(core, input, known);
  const changes = prepared.changes;
  let envelope = prepared.envelope;
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
  if (envelope.event === "scan.started") {
    const docker = core.settings.docker || envelope.metadata.mode === "docker";
    const count = !input.scanCounted;
    return { envelope, changes, ...recordScanNotice(core, docker, count, changes, notice) };
  }
  const problem = changes.length === 0
    ? undefined
    : updateStateAfterWrite(core, (state) => countChanges(state, changes)).problem;
  return {
    envelope,
    changes,
    ...(problem === undefined ? {} : { problem }),
    // Read only by a caller about to deliver: a library appending thousands
    // of events never pays for the state file.
    get holdDelivery() {
      return !noticeAllowsDelivery(readState(home).notice);
    },
  };
}
