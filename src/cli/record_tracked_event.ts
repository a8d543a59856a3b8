/**
 * The part of `track` that runs once telemetry may be on: loaded lazily, so
 * an opted-out `track` never pays for the schemas or the YAML parser.
 *
 * @module
 */

import type { ClientCore } from "../client/client_core.ts";
import { consentFromConfig } from "../client/consent_from_config.ts";
import { noticeOfRefusedScan, recordEvent, type RecordOutcome } from "../client/record_event.ts";
import { EventValidationError } from "../events/validation_error.ts";
import type { Mode } from "../events/vocabulary.ts";
import { describeFsError, fsErrorCode } from "../fs/fs_error.ts";
import { appendEvents } from "../spool/mod.ts";
import { keepToCap } from "../client/keep_to_cap.ts";
import { clientCoreFor } from "./client_core_for.ts";
import type { CommandContext } from "./command.ts";
import { configChoiceFor } from "./host_consent.ts";
import { describeChanges } from "../events/describe_changes.ts";
import { parseMetadataJson } from "./event_args.ts";

/** What `track` was asked to record. */
export interface TrackRequest {
  event: string;
  metadataText: string;
  toolVersion?: string;
  pythonVersion?: string;
  mode?: Mode;
  /** `--strict`: refuse rather than normalise (default: `JMO_TELEMETRY_STRICT`). */
  strict?: boolean;
  configPath?: string;
  /** The host's parsed configuration as JSON, read instead of the config file. */
  configJson?: string;
  /** The host advanced the scan count for this scan itself. */
  scanCounted?: boolean;
}

/** An event `track` recorded, with the context it was recorded in. */
export interface TrackedEvent {
  core: ClientCore;
  outcome: RecordOutcome;
}

/** The `mode` a refused payload names, when it is an object that names one. */
function modeOf(metadataText: string): unknown {
  try {
    return JSON.parse(metadataText)?.mode;
  } catch {
    return undefined;
  }
}

/**
 * Records one tracked event and returns it; `undefined` when nothing was
 * recorded. A refused event throws `EventValidationError` (exit 2, nothing
 * written but, for a `scan.started`, the notice: its banner shows when due
 * whatever the payload); any other trouble (read-only or missing home, full disk) prints
 * one short line and returns `undefined`, so the host is never broken.
 * Trouble after the event was written (`state.json` not updated) prints one
 * short line saying the event was recorded.
 *
 * @example
 * ```ts
 * import { recordTrackedEvent } from "./record_tracked_event.ts";
 * // const recorded = await recordTrackedEvent({ event: "scan.started", metadataText: "{...}" }, context);
 * ```
 */
export async function recordTrackedEvent(
  request: TrackRequest,
  context: CommandContext,
): Promise<TrackedEvent | undefined> {
  const core = clientCoreFor(context, request.configPath);
  try {
    const config = await configChoiceFor(core, {
      config: request.configPath,
      "config-json": request.configJson,
    }, true);
    if (!consentFromConfig(core, config).enabled) return undefined;
    let outcome: RecordOutcome;
    try {
      outcome = recordEvent(
        core,
        {
          event: request.event,
          metadata: parseMetadataJson(request.event, request.metadataText),
          toolVersion: request.toolVersion,
          pythonVersion: request.pythonVersion,
          mode: request.mode,
          strict: request.strict,
          scanCounted: request.scanCounted,
        },
        (line) => appendEvents(core.settings.home, [line], { afterSeal: () => keepToCap(core) }),
        undefined,
        { holdNoticeForNextScan: true },
      );
    } catch (error) {
      if (error instanceof EventValidationError && request.event === "scan.started") {
        const notice = noticeOfRefusedScan(core, request.mode ?? modeOf(request.metadataText), {
          holdNoticeForNextScan: true,
        });
        if (notice.banner && !core.settings.noticeShownByHost) context.stderr(notice.banner);
      }
      throw error;
    }
    if (outcome.banner && !core.settings.noticeShownByHost) context.stderr(outcome.banner);
    if (outcome.problem) {
      context.stderr(
        `jmo-telemetry: event recorded; ${outcome.problem}; your command is unaffected\n`,
      );
    }
    if (core.settings.debug) {
      context.stderr(describeChanges("jmo-telemetry debug", request.event, outcome.changes));
      context.stderr(`jmo-telemetry debug: recorded ${JSON.stringify(outcome.envelope)}\n`);
    }
    return { core, outcome };
  } catch (error) {
    if (error instanceof EventValidationError) throw error;
    const why = fsErrorCode(error) === undefined
      ? describeFsError(error)
      : `cannot write in ${core.settings.home} (${describeFsError(error)})`;
    context.stderr(`jmo-telemetry: event not recorded: ${why}; your command is unaffected\n`);
    return undefined;
  }
}
