/**
 * Everything `status` reports, gathered without writing anything (except
 * deleting spooled events when telemetry is off, as every opt-out does).
 *
 * @module
 */

import { detectCi } from "../consent/detect_ci.ts";
import { fsErrorCode } from "../fs/fs_error.ts";
import { readAnonymousId, readScanCount, readState } from "../install/mod.ts";
import type { DroppedCounters, FlushOutcome, NormalisedCounters } from "../install/mod.ts";
import type { SettingsProblem } from "../settings/mod.ts";
import {
  previewRetention,
  processIsAlive,
  type RetentionPreview,
  summariseSpool,
} from "../spool/mod.ts";
import { flusherRunning } from "../transport/flusher_running.ts";
import type { ClientCore } from "./client_core.ts";
import type { CurrentConsent } from "./consent_from_config.ts";
import { countDropped } from "./count_dropped.ts";
import { currentConsent } from "./current_consent.ts";
import { retentionOptions } from "./retention_options.ts";

/** The status of the install, as `status --json` prints it. */
export interface StatusReport {
  /** Whether telemetry is on. */
  enabled: boolean;
  /** The deciding rule. */
  reason: string;
  /** The CI environment variable that marks this run as CI, or `null`. */
  ci: string | null;
  /** The config file consulted (it may not exist). */
  config_path: string;
  /** Why the config file was ignored, when it was. */
  config_problem?: string;
  /** The state directory (`~/.jmo-security` or `JMO_HOME`). */
  home: string;
  /** The anonymous id; `null` until the first event is recorded. */
  anonymous_id: string | null;
  /** Scans recorded on this install. */
  scan_count: number;
  /** What waits in the spool, and the age of its oldest event. */
  pending: { events: number; bytes: number; oldest_age_seconds: number | null };
  /** Batches the collector refused, set aside in `spool/rejected/`. */
  rejected_batches: number;
  /** Where batches go. */
  transport: { kind: "collector" | "gist"; endpoint: string };
  /** `JMO_TELEMETRY_DEBUG`: events are printed, never sent. */
  debug: boolean;
  /** The outcome of the last flush; `null` before the first. */
  last_flush: FlushOutcome | null;
  /** When the next automatic flush may start; `null` when due now. */
  next_attempt_at: string | null;
  /** Consecutive failed flushes behind the current backoff (0 when none). */
  consecutive_failures: number;
  /** Whether a flusher process is running now. */
  flush_running: boolean;
  /** Events dropped unsent on this install, by reason. */
  dropped: DroppedCounters;
  /**
   * Why the events counted in `dropped.rejected` were refused, each reason
   * with its count: the collector's answer, or the spool reader's check.
   */
  refusals: Record<string, number>;
  /** What normalisation left out of recorded events: unknown keys, values outside the schema. */
  normalised: NormalisedCounters;
  /** `JMO_TELEMETRY_STRICT`: such events are refused instead. */
  strict: boolean;
  /**
   * The event schema versions the collector last announced (newer events wait
   * in the spool); `null` before it answered, and for a Gist.
   */
  collector_schemas: number[] | null;
  /** Environment values ignored or unusable, each with what is done instead. */
  settings_problems: SettingsProblem[];
}

/** What the spool's limits would drop now; none when the disk refuses. */
function previewSpool(core: ClientCore): RetentionPreview | undefined {
  try {
    return previewRetention(core.settings.home, retentionOptions(core));
  } catch (error) {
    if (fsErrorCode(error) === undefined) throw error;
    return undefined;
  }
}

/**
 * Gathers the status of the install as a flush would find it: what the
 * spool's limits would drop now (events too old or past the cap, damaged
 * lines, lines that are no valid event) counts as dropped, not pending, as if
 * a flush had dropped it (it does, as do `show` and the binary's `status`).
 * `consent` is decided from the config file unless the caller decided it
 * otherwise.
 *
 * @example
 * ```ts
 * import { createClient, readStatus } from "@jmo/telemetry";
 * const { core } = createClient({ env: { JMO_HOME: "/tmp/jmo-home" } });
 * readStatus(core).pending.events; // 0 on a new install
 * ```
 */
export function readStatus(
  core: ClientCore,
  consent: CurrentConsent = currentConsent(core),
): StatusReport {
  const { settings } = core;
  const preview = consent.enabled ? previewSpool(core) : undefined;
  const spool = summariseSpool(settings.home, preview?.kept);
  const state = readState(settings.home);
  if (preview !== undefined) countDropped(state, preview.dropped);
  const now = core.now().getTime();
  const next = state.backoff?.next_attempt_at;
  const transport = settings.transport;
  return {
    enabled: consent.enabled,
    reason: consent.reason,
    ci: detectCi(core.env) ?? null,
    config_path: settings.configPath,
    ...(consent.configProblem ? { config_problem: consent.configProblem } : {}),
    home: settings.home,
    anonymous_id: readAnonymousId(settings.home) ?? null,
    scan_count: readScanCount(settings.home),
    pending: {
      events: spool.events,
      bytes: spool.bytes,
      oldest_age_seconds: spool.oldestMs === undefined
        ? null
        : Math.max(0, Math.round((now - spool.oldestMs) / 1000)),
    },
    rejected_batches: spool.rejectedFiles + (preview?.setAside ?? 0),
    transport: transport.kind === "gist"
      ? { kind: "gist", endpoint: `${transport.apiBase}/gists/${transport.gistId}` }
      : { kind: "collector", endpoint: transport.endpoint },
    debug: settings.debug,
    last_flush: state.last_flush ?? null,
    next_attempt_at: next !== undefined && Date.parse(next) > now ? next : null,
    consecutive_failures: state.backoff?.failures ?? 0,
    flush_running: flusherRunning(settings.home, now, processIsAlive),
    dropped: state.dropped,
    refusals: state.refusals ?? {},
    normalised: state.normalised,
    strict: settings.strict,
    collector_schemas: transport.kind === "collector" &&
        state.collector_schemas?.endpoint === transport.endpoint
      ? state.collector_schemas.schemas
      : null,
    settings_problems: settings.problems,
  };
}
