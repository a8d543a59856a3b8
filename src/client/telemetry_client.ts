/**
 * The library face of the client: one object per host process that records
 * events in-process, reports status and flushes.
 *
 * @module
 */

import { existsSync, statSync } from "node:fs";
import process from "node:process";
import { CI_MARKERS, type ConsentDecision } from "../consent/mod.ts";
import {
  describeChanges,
  type EventName,
  EventValidationError,
  type FieldChange,
  type MetadataOf,
  type Mode,
} from "../events/mod.ts";
import type { EnvelopeOf } from "../events/mod.ts";
import { describeFsError } from "../fs/mod.ts";
import { readAnonymousId } from "../install/mod.ts";
import { type Environment, readEnvironment } from "../settings/mod.ts";
import { SpoolWriter } from "../spool/mod.ts";
// Single files, not the transport's mod.ts: the delivery code loads on the first flush().
import type { FlushReport } from "../transport/flush_report.ts";
import { startFlushIfDue } from "../transport/start_flush_if_due.ts";
import { cliEntry } from "./cli_entry.ts";
import {
  CLIENT_VARIABLES,
  type ClientCore,
  clientCore,
  type ClientOptions,
} from "./client_core.ts";
import { checkEvent } from "./check_event.ts";
import { currentConsent } from "./current_consent.ts";
import { keepToCap } from "./keep_to_cap.ts";
import { readStatus, type StatusReport } from "./read_status.ts";
import { noticeOfRefusedScan, recordEvent, type RecordOutcome } from "./record_event.ts";

/**
 * Metadata fields whose values come from the user's own configuration: any
 * string is accepted and recorded as `custom` or `other` when outside the
 * schema (refused in strict mode).
 */
export type FreeText<M> = {
  [P in keyof M]: P extends "profile" | "profile_selected" ? string | null
    : P extends "output_formats" | "policies" ? string[]
    : M[P];
};

/**
 * Metadata `track` accepts: the schema's, where a profile, policy or output
 * format may be any name, `scan.completed` may give raw numbers instead of
 * buckets and `wizard.completed` its raw `duration_seconds`.
 */
export type TrackMetadata<K extends EventName> = K extends "scan.completed" ?
    & FreeText<
      Omit<MetadataOf["scan.completed"], "duration_bucket" | "total_findings_bucket" | "mode">
    >
    & { mode?: Mode }
    & (
      | {
        duration_bucket: MetadataOf["scan.completed"]["duration_bucket"];
        duration_seconds?: never;
      }
      | { duration_seconds: number; duration_bucket?: never }
    )
    & (
      | {
        total_findings_bucket?: MetadataOf["scan.completed"]["total_findings_bucket"];
        total_findings?: never;
      }
      | { total_findings: number; total_findings_bucket?: never }
    )
  : K extends "scan.started" ? FreeText<Omit<MetadataOf["scan.started"], "mode">> & { mode?: Mode }
  : K extends "wizard.completed" ?
      & FreeText<Omit<MetadataOf["wizard.completed"], "duration_bucket">>
      & (
        | {
          duration_bucket: MetadataOf["wizard.completed"]["duration_bucket"];
          duration_seconds?: never;
        }
        | { duration_seconds: number; duration_bucket?: never }
      )
  : FreeText<MetadataOf[K]>;

/** Per-event options of `track`. */
export interface TrackOptions {
  /** The host tool's version (default: the client's `version` option). */
  toolVersion?: string;
  /** The host's Python version, as `3.11`, `3.11.7` or `3.12.0rc1` (kept as major.minor). */
  pythonVersion?: string;
  /** The execution mode of the scan events (default `docker` in a container, else `cli`). */
  mode?: Mode;
  /** Refuse rather than normalise this event (default: the client's `strict` option). */
  strict?: boolean;
}

/** What `track` did. */
export interface TrackResult<K extends EventName = EventName> {
  /** Whether the event was recorded (false when telemetry is off). */
  recorded: boolean;
  /** The envelope as spooled, when recorded. */
  envelope?: EnvelopeOf<K>;
  /** The banner text, when it was due (also written by `onBanner`). */
  banner?: string;
  /** Unknown keys dropped and values recorded as `custom` or `other`, when recorded. */
  changes?: FieldChange[];
  /**
   * What went wrong on the disk: the event not recorded (`recorded` false), or
   * recorded but `state.json could not be updated (disk full)`.
   */
  problem?: string;
}

/** Options of a library client. */
export interface TelemetryClientOptions extends ClientOptions {
  /**
   * Where the first-run banner goes when it is due, as
   * `(text) => process.stderr.write(text)`. Without it the library prints
   * nothing: the banner is not shown, the notice is not recorded as shown,
   * and nothing is sent from the install until a run shows it (a host that
   * passes `onBanner`, or the `jmo-telemetry` binary).
   */
  onBanner?: (text: string) => void;
}

/** The reason of a consent decision when the runtime refused what consent needs (a Deno permission). */
const UNAVAILABLE = "unavailable";

/** The variables of the consent rules besides the CI markers. */
const CONSENT_VARIABLES = { JMO_TELEMETRY_DISABLE: true, DO_NOT_TRACK: true, CI_NAME: true };

/**
 * How long a client trusts the anonymous id it read: `id --rotate` or
 * `id --delete` in another process reaches its events within this time, or
 * at its first event after `close()`.
 */
const ID_REREAD_MS = 1_000;

/**
 * A client of this process showed the notice for the first time: no client
 * of the process starts a background flush (its events wait for the host's
 * next process, the library's "next run").
 */
let noticeShownInProcess = false;

/** Clients that appended since their last `close()`: process exit closes them. */
const OPEN_CLIENTS = new Set<TelemetryClient>();
let exitListener = false;

/**
 * Has process exit close `client` (sealing its events and starting the
 * background flush when due), with one `exit` listener for all clients of
 * the process: the only listener the library adds.
 */
function sealOnExit(client: TelemetryClient): void {
  OPEN_CLIENTS.add(client);
  if (exitListener) return;
  exitListener = true;
  process.once("exit", () => {
    for (const open of [...OPEN_CLIENTS]) open.close();
  });
}

/**
 * The environment of a background flush the host gave none: Node and Bun
 * pass theirs on whole; Deno, whose `--allow-env` may list only the
 * documented variables, passes those it could read (and `DENO_DIR`, where
 * its cache is).
 */
function flusherEnvironment(documented: Environment): Environment | undefined {
  if (!("Deno" in globalThis)) return undefined;
  return { ...documented, ...readEnvironment(["DENO_DIR"]) };
}

/**
 * A telemetry client for Node, Deno and Bun programs. Events are validated
 * strictly (whether telemetry is on or off) and appended to the on-disk
 * spool of this process; `close` (or process exit) makes them claimable and,
 * when delivery is due, starts this package's CLI under the same runtime as
 * a detached background flush, as the binary's `track` does.
 *
 * @example
 * ```ts
 * import { TelemetryClient } from "@jmo/telemetry";
 * const client = new TelemetryClient({ env: { JMO_HOME: "/tmp/jmo-home" } });
 * client.track("tool.failed", { tool: "trivy", failure_type: "timeout", exit_code: null, profile: "fast" });
 * client.close();
 * ```
 */
export class TelemetryClient {
  readonly #core: ClientCore;
  readonly #writer: SpoolWriter;
  readonly #onBanner: ((text: string) => void) | undefined;
  /** Why this runtime cannot run telemetry (a refused permission), when it cannot: off for the run. */
  readonly #unavailable: string | undefined;
  /** The environment the host gave, handed to the background flush (else it inherits the process's). */
  readonly #env: ClientOptions["env"];
  readonly #cwd: string;
  /** Events were appended since the last flush or close: closing may start a background flush. */
  #undelivered = false;
  #consentKey = "";
  #consent: ConsentDecision | undefined;
  /** The anonymous id last read, and when (ms): re-read at most once a second. */
  #id: { value: string; readAt: number } | undefined;
  readonly #readId = (home: string): string | undefined => {
    const now = performance.now();
    if (this.#id !== undefined && now - this.#id.readAt < ID_REREAD_MS) return this.#id.value;
    const value = readAnonymousId(home);
    this.#id = value === undefined ? undefined : { value, readAt: now };
    return value;
  };
  /** This process showed the notice for the first time: its flushes send nothing. */
  #noticeShownHere = false;

  /**
   * Resolves the client's context from `options` (each defaulting to the
   * real process) and seals its spool segment on process exit.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "@jmo/telemetry";
   * const client = new TelemetryClient({ version: "1.0.1", onBanner: () => {} });
   * ```
   */
  constructor(options: TelemetryClientOptions = {}) {
    let unavailable: string | undefined;
    const refused: string[] = [];
    const env = options.env ?? readEnvironment(CLIENT_VARIABLES, refused);
    // An opt-out the runtime hides (Deno's --allow-env) must not read as no opt-out.
    const hidden = refused.filter((name) => name in CONSENT_VARIABLES || CI_MARKERS.includes(name));
    if (hidden.length > 0) {
      unavailable = `the runtime refuses to show ${hidden[0]}, a consent rule: grant --allow-env`;
    }
    let core: ClientCore;
    try {
      core = clientCore({ ...options, env });
    } catch (error) {
      // No home directory to be had (a Deno host without HOME and --allow-sys): off for the run.
      unavailable = `the home directory cannot be found (${describeFsError(error)})`;
      core = clientCore({ ...options, env, homedir: "" });
    }
    this.#core = core;
    this.#unavailable = unavailable;
    this.#env = options.env;
    this.#cwd = options.cwd ?? process.cwd();
    this.#writer = new SpoolWriter(core.settings.home, { afterSeal: () => keepToCap(core) });
    this.#onBanner = options.onBanner;
  }

  /** The resolved context: settings, environment, clock. */
  get core(): ClientCore {
    return this.#core;
  }

  /**
   * The consent decision, re-read only when the config file changes.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "@jmo/telemetry";
   * new TelemetryClient({ env: { DO_NOT_TRACK: "1" } }).consent().enabled; // false
   * ```
   */
  consent(): ConsentDecision {
    if (this.#unavailable !== undefined) return { enabled: false, reason: UNAVAILABLE };
    try {
      const path = this.#core.settings.configPath;
      // existsSync first: a missing file is the common case, and a failed stat
      // builds an error object on some runtimes, a fifth of an append's cost.
      const stat = existsSync(path) ? statSync(path, { throwIfNoEntry: false }) : undefined;
      const key = stat ? `${stat.mtimeMs}:${stat.size}` : "absent";
      if (this.#consent === undefined || key !== this.#consentKey) {
        this.#writer.seal();
        this.#consent = currentConsent(this.#core);
        this.#consentKey = key;
      }
      return this.#consent;
    } catch {
      // The runtime refused to read the config file (a Deno permission): off for this call.
      return { enabled: false, reason: UNAVAILABLE };
    }
  }

  /**
   * Validates and records one event. Throws `EventValidationError` when the
   * event is refused, whether telemetry is on or off (a host's CI, where it
   * is off, sees the same refusals as its users' machines), and nothing
   * else: when telemetry is off it records nothing, and when the disk refuses (a read-only or missing home, a full
   * disk) it records nothing and says why in `problem`.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "@jmo/telemetry";
   * const client = new TelemetryClient();
   * client.track("scan.completed", {
   *   profile: "fast", duration_seconds: 420, tools_succeeded: 3, tools_failed: 0, total_findings: 12,
   * });
   * ```
   */
  track<K extends EventName>(
    event: K,
    metadata: TrackMetadata<K>,
    options: TrackOptions = {},
  ): TrackResult<K> {
    const input = { event, metadata, ...options };
    if (!this.consent().enabled) {
      // The same checker as when on, so that a host's CI sees the same refusals.
      checkEvent(this.#core, input);
      return { recorded: false };
    }
    let outcome: RecordOutcome;
    try {
      outcome = recordEvent(
        this.#core,
        input,
        (line) => this.#writer.append(line),
        this.#readId,
        { announce: this.#onBanner !== undefined },
      );
    } catch (error) {
      if (error instanceof EventValidationError) {
        if (event === "scan.started") this.#showNoticeOfRefusedScan(metadata, options);
        throw error;
      }
      // The disk refused (read-only or missing home, full disk): the host goes on.
      return { recorded: false, problem: `event not recorded (${describeFsError(error)})` };
    }
    sealOnExit(this);
    this.#undelivered = true;
    if (this.#core.settings.debug) {
      process.stderr.write(describeChanges("jmo-telemetry debug", event, outcome.changes));
    }
    if (outcome.banner && this.#onBanner) {
      this.#onBanner(outcome.banner);
      if (outcome.holdDelivery) this.#noticeShownHere = noticeShownInProcess = true;
    }
    return {
      recorded: true,
      envelope: outcome.envelope as EnvelopeOf<K>,
      banner: outcome.banner,
      changes: outcome.changes,
      ...(outcome.problem === undefined ? {} : { problem: outcome.problem }),
    };
  }

  /** Shows the banner of a refused `scan.started` when due: the notice does not wait for a valid event. */
  #showNoticeOfRefusedScan(metadata: unknown, options: TrackOptions): void {
    const given = typeof metadata === "object" && metadata !== null
      ? (metadata as { mode?: unknown }).mode
      : undefined;
    if (this.#onBanner === undefined) return;
    const notice = noticeOfRefusedScan(this.#core, options.mode ?? given);
    if (notice.banner === undefined) return;
    this.#onBanner(notice.banner);
    if (notice.holdDelivery) this.#noticeShownHere = noticeShownInProcess = true;
  }

  /**
   * The install's status, as `jmo-telemetry status --json` prints it.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "@jmo/telemetry";
   * new TelemetryClient().status().reason; // "default" when nothing opts out
   * ```
   */
  status(): StatusReport {
    this.#writer.seal();
    return readStatus(this.#core);
  }

  /**
   * Delivers everything pending now, from this process, ignoring the
   * backoff (as `jmo-telemetry flush` does). Resolves to what was sent, kept
   * and dropped; never rejects, on network or disk trouble (outcome
   * `failed`). A `timeoutMs` that is no positive number is ignored. With
   * telemetry off it sends nothing (outcome `off`); with
   * `JMO_TELEMETRY_DEBUG` on it prints each batch on standard error instead.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "@jmo/telemetry";
   * const client = new TelemetryClient();
   * const report = await client.flush({ timeoutMs: 5_000 });
   * if (report.kept > 0) console.error(`kept ${report.kept}: ${report.detail}`);
   * ```
   */
  async flush(options: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<FlushReport> {
    const timeoutMs = options.timeoutMs;
    const usable = timeoutMs === undefined || (Number.isFinite(timeoutMs) && timeoutMs > 0);
    // Loaded here, as the delivery code below is: start-up (`track`, `close`) needs neither.
    const { emptyFlushReport } = await import("../transport/flush_report.ts");
    if (this.#unavailable !== undefined) {
      return {
        ...emptyFlushReport(this.#core.settings.transport, "off"),
        detail: this.#unavailable,
      };
    }
    this.#undelivered = false;
    try {
      this.#writer.seal();
      const { flushInstall } = await import("./flush_install.ts");
      return await flushInstall(this.#core, {
        ...options,
        timeoutMs: usable ? timeoutMs : undefined,
        onDebug: (text) => void process.stderr.write(text),
        noticeShownThisRun: this.#noticeShownHere,
      });
    } catch (error) {
      // The disk refused (a spool or lease it cannot write): nothing was lost, nothing is sent.
      const report = emptyFlushReport(this.#core.settings.transport, "failed");
      return { ...report, detail: `the spool could not be used (${describeFsError(error)})` };
    }
  }

  /**
   * Seals what this client appended so that flushers can claim it, and
   * forgets the anonymous id it read (the next event reads it again). When
   * it appended since its last `flush` or `close` and delivery is due (the
   * notice shown in an earlier process of the host or by the binary, the
   * backoff passed, no flusher running), it starts this package's CLI under
   * the same runtime as a detached `flush --background` with its standard
   * streams closed, and returns at once: the host never waits on the
   * network. Safe to call more than once; process exit does it too.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "@jmo/telemetry";
   * const client = new TelemetryClient();
   * client.close();
   * ```
   */
  close(): void {
    this.#writer.seal();
    this.#id = undefined;
    OPEN_CLIENTS.delete(this);
    const script = cliEntry();
    if (!this.#undelivered || script === undefined) return;
    this.#undelivered = false;
    const { settings } = this.#core;
    startFlushIfDue({
      home: settings.home,
      debug: settings.debug,
      holdDelivery: noticeShownInProcess,
      nowMs: this.#core.now().getTime(),
    }, {
      env: this.#env ?? flusherEnvironment(this.#core.env),
      cwd: this.#cwd,
      configPath: settings.configPath,
      script,
    });
  }
}
