/**
 * The library face of the client: one object per host process that records
 * events in-process, reports status and flushes.
 *
 * @module
 */

import { existsSync, statSync } from "node:fs";
import process from "node:process";
import type { ConsentDecision } from "../consent/mod.ts";
import type { EventName, MetadataOf, Mode } from "../events/mod.ts";
import type { EnvelopeOf } from "../events/mod.ts";
import { readAnonymousId } from "../install/mod.ts";
import { SpoolWriter } from "../spool/mod.ts";
import type { FlushReport } from "../transport/mod.ts";
import { type ClientCore, clientCore, type ClientOptions } from "./client_core.ts";
import { currentConsent } from "./current_consent.ts";
import { flushInstall } from "./flush_install.ts";
import { readStatus, type StatusReport } from "./read_status.ts";
import { recordEvent } from "./record_event.ts";

/** Metadata `track` accepts: the schema's, where `scan.completed` may give raw numbers instead of buckets. */
export type TrackMetadata<K extends EventName> = K extends "scan.completed" ?
    & Omit<MetadataOf["scan.completed"], "duration_bucket" | "total_findings_bucket" | "mode">
    & { mode?: Mode }
    & (
      | { duration_bucket: MetadataOf["scan.completed"]["duration_bucket"] }
      | { duration_seconds: number }
    )
    & (
      | { total_findings_bucket?: MetadataOf["scan.completed"]["total_findings_bucket"] }
      | { total_findings: number }
    )
  : K extends "scan.started" ? Omit<MetadataOf["scan.started"], "mode"> & { mode?: Mode }
  : MetadataOf[K];

/** Per-event options of `track`. */
export interface TrackOptions {
  /** The host tool's version (default: the client's `version` option). */
  toolVersion?: string;
  /** The host's Python version, as `3.11`, `3.11.7` or `3.12.0rc1` (kept as major.minor). */
  pythonVersion?: string;
  /** The execution mode of the scan events (default `docker` in a container, else `cli`). */
  mode?: Mode;
}

/** What `track` did. */
export interface TrackResult<K extends EventName = EventName> {
  /** Whether the event was recorded (false when telemetry is off). */
  recorded: boolean;
  /** The envelope as spooled, when recorded. */
  envelope?: EnvelopeOf<K>;
  /** The banner text, when it was due (also written by `onBanner`). */
  banner?: string;
  /** What went wrong after the event was recorded, as `state.json could not be updated (disk full)`. */
  problem?: string;
}

/** Options of a library client. */
export interface TelemetryClientOptions extends ClientOptions {
  /** Where the banner goes when due (default: standard error). */
  onBanner?: (text: string) => void;
}

/**
 * How long a client trusts the anonymous id it read: `id --rotate` or
 * `id --delete` in another process reaches its events within this time, or
 * at its first event after `close()`.
 */
const ID_REREAD_MS = 1_000;

/**
 * A telemetry client for Node, Deno and Bun programs. Events are validated
 * strictly and appended to the on-disk spool of this process; `close` (or
 * process exit) makes them claimable by a flusher.
 *
 * @example
 * ```ts
 * import { TelemetryClient } from "./telemetry_client.ts";
 * const client = new TelemetryClient({ env: { JMO_HOME: "/tmp/jmo-home" } });
 * client.track("tool.failed", { tool: "trivy", failure_type: "timeout", exit_code: null, profile: "fast" });
 * client.close();
 * ```
 */
export class TelemetryClient {
  readonly #core: ClientCore;
  readonly #writer: SpoolWriter;
  readonly #onBanner: (text: string) => void;
  readonly #sealOnExit = () => this.close();
  /** Whether process exit will seal what this client appended (only while it has appended). */
  #sealsOnExit = false;
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
   * import { TelemetryClient } from "./telemetry_client.ts";
   * const client = new TelemetryClient({ version: "1.0.1", onBanner: () => {} });
   * ```
   */
  constructor(options: TelemetryClientOptions = {}) {
    this.#core = clientCore(options);
    this.#writer = new SpoolWriter(this.#core.settings.home);
    this.#onBanner = options.onBanner ?? ((text) => void process.stderr.write(text));
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
   * import { TelemetryClient } from "./telemetry_client.ts";
   * new TelemetryClient({ env: { DO_NOT_TRACK: "1" } }).consent().enabled; // false
   * ```
   */
  consent(): ConsentDecision {
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
  }

  /**
   * Validates and records one event. Throws `EventValidationError` when the
   * event is refused; does nothing when telemetry is off.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "./telemetry_client.ts";
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
    if (!this.consent().enabled) return { recorded: false };
    const outcome = recordEvent(
      this.#core,
      { event, metadata, ...options },
      (line) => this.#writer.append(line),
      this.#readId,
    );
    if (!this.#sealsOnExit) {
      process.once("exit", this.#sealOnExit);
      this.#sealsOnExit = true;
    }
    if (outcome.banner) {
      this.#onBanner(outcome.banner);
      if (outcome.holdDelivery) this.#noticeShownHere = true;
    }
    return {
      recorded: true,
      envelope: outcome.envelope as EnvelopeOf<K>,
      banner: outcome.banner,
      ...(outcome.problem === undefined ? {} : { problem: outcome.problem }),
    };
  }

  /**
   * The install's status, as `jmo-telemetry status --json` prints it.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "./telemetry_client.ts";
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
   * and dropped; never rejects on network trouble. With telemetry off it
   * sends nothing (outcome `off`); with `JMO_TELEMETRY_DEBUG` on it prints
   * each batch on standard error instead.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "./telemetry_client.ts";
   * const client = new TelemetryClient();
   * const report = await client.flush({ timeoutMs: 5_000 });
   * if (report.kept > 0) console.error(`kept ${report.kept}: ${report.detail}`);
   * ```
   */
  async flush(options: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<FlushReport> {
    this.#writer.seal();
    return await flushInstall(this.#core, {
      ...options,
      onDebug: (text) => void process.stderr.write(text),
      noticeShownThisRun: this.#noticeShownHere,
    });
  }

  /**
   * Seals what this client appended so that flushers can claim it, and
   * forgets the anonymous id it read (the next event reads it again). Safe
   * to call more than once; process exit does it too.
   *
   * @example
   * ```ts
   * import { TelemetryClient } from "./telemetry_client.ts";
   * const client = new TelemetryClient();
   * client.close();
   * ```
   */
  close(): void {
    this.#writer.seal();
    this.#id = undefined;
    if (this.#sealsOnExit) {
      process.off("exit", this.#sealOnExit);
      this.#sealsOnExit = false;
    }
  }
}
