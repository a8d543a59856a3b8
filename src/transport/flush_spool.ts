/**
 * The flush: claim what is pending, drop what expired, send it in batches,
 * and settle the claim so that only answered batches leave the spool.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { envelopeProblem } from "../events/envelope_problem.ts";
import { describeFsError, fsErrorCode } from "../fs/mod.ts";
import {
  type FlushOutcome,
  readState,
  recordRefusals,
  type TelemetryState,
  updateState,
} from "../install/mod.ts";
import type { TransportSettings } from "../settings/mod.ts";
import {
  boundRejected,
  type Claim,
  type ClaimedEvent,
  claimPending,
  type IsAlive,
  MAX_SPOOL_BYTES,
  planRetention,
  setAside,
  settleClaim,
  spoolLayout,
  touchClaim,
} from "../spool/mod.ts";
import { appendAudit, type AuditEntry } from "./audit_log.ts";
import { backoffPassed } from "./backoff.ts";
import { nextBackoff } from "./next_backoff.ts";
import { chooseTransport, type Transport } from "./choose_transport.ts";
import type { Verdict } from "./classify_response.ts";
import { acquireFlushLease, releaseFlushLease } from "./flush_lease.ts";
import { emptyFlushReport, type FlushReport } from "./flush_report.ts";
import { planBatches } from "./plan_batches.ts";
import { describeHeld, isTooNew, schemaRefusal } from "./schema_hold.ts";

/** What a flush needs: the install, the transport, and the outside world passed in. */
export interface FlushOptions {
  /** The state directory. */
  home: string;
  transport: TransportSettings;
  /** Milliseconds one request may take. */
  timeoutMs: number;
  /** Events older than this are dropped unsent. */
  maxAgeMs: number;
  /** Print each batch through `onDebug` instead of sending it. */
  debug: boolean;
  /** A background flush waits out the backoff and yields to a running flusher; a flush by hand does neither. */
  background: boolean;
  now: () => Date;
  /** A uniform draw in [0, 1), for the backoff's jitter. */
  random: () => number;
  fetch: typeof fetch;
  isAlive: IsAlive;
  /** This process's id, written in the flusher lease. */
  pid: number;
  /** Receives each batch as it would be sent, in debug mode. */
  onDebug?: (text: string) => void;
}

function batchId(): string {
  return crypto.randomUUID().slice(0, 8);
}

/** The batches' fate as the loop learns it. */
interface Progress {
  delivered: Set<string>;
  /** Events refused by the server, each with its reason. */
  rejected: Map<string, string>;
  /** Events of a schema version newer than the collector accepts: they stay in the spool. */
  held: ClaimedEvent[];
  /** The schema versions the collector announced last, when it did. */
  schemas?: readonly number[];
  batches: number;
  /** The answer that stopped the loop: the rest is kept. */
  stop?: Verdict & { kind: "kept" };
  /** Why `audit.jsonl` could not be written; the deliveries stand all the same. */
  auditFailure?: string;
}

/** Appends to `audit.jsonl`; a failure is remembered in `progress`, never stops delivery. */
function audit(home: string, entry: AuditEntry, progress: Progress): void {
  try {
    appendAudit(home, entry);
  } catch (error) {
    progress.auditFailure ??= `audit.jsonl not written (${describeFsError(error)})`;
  }
}

/**
 * Sets aside what the server refused: only the events its answer names when
 * it names some (the rest of the batch goes back to the front of the queue),
 * else the whole batch.
 */
function refuse(
  batch: ClaimedEvent[],
  verdict: Verdict & { kind: "rejected" },
  queue: ClaimedEvent[][],
  progress: Progress,
  options: FlushOptions,
): void {
  const named = new Map((verdict.refused ?? []).map((r) => [r.index, r.reason]));
  const narrowed = named.size > 0 && named.size < batch.length &&
    [...named.keys()].every((i) => i < batch.length);
  const refused = narrowed ? batch.filter((_, i) => named.has(i)) : batch;
  setAside(options.home, refused.map((e) => e.line), options.now().getTime());
  batch.forEach((e, i) => {
    if (narrowed && !named.has(i)) return;
    const why = named.get(i);
    progress.rejected.set(
      e.eventId,
      why === undefined ? verdict.detail : `${verdict.detail}: ${why}`,
    );
  });
  if (narrowed) queue.unshift(batch.filter((_, i) => !named.has(i)));
}

async function sendAll(
  batches: ClaimedEvent[][],
  transport: Transport,
  options: FlushOptions,
  claim: Claim,
  stillClaimed: () => boolean,
): Promise<Progress> {
  const progress: Progress = { delivered: new Set(), rejected: new Map(), held: [], batches: 0 };
  const queue = [...batches];
  // An opt-out, a purge or a takeover removes the claim: what it held must not be sent any more.
  while (queue.length > 0 && stillClaimed()) {
    const batch = queue.shift()!;
    const lines = batch.map((e) => e.line);
    const now = options.now();
    const id = batchId();
    const body = transport.body(lines, now, id);
    touchClaim(claim);
    audit(options.home, {
      time: now.toISOString(),
      batch: id,
      outcome: "attempt",
      transport: transport.kind,
      endpoint_host: transport.host,
      events: batch.length,
      body,
    }, progress);
    const verdict = await transport.send(body);
    const time = options.now().toISOString();
    if (verdict.schemas) progress.schemas = verdict.schemas;
    const accepts = schemaRefusal(batch, verdict);
    if (accepts !== undefined) {
      // Refused only for a newer schema: those events wait in the spool, the rest goes again.
      progress.schemas = accepts;
      const rest = [batch, ...queue].map((b) => b.filter((e) => !isTooNew(e, accepts)));
      for (const b of [batch, ...queue]) {
        progress.held.push(...b.filter((e) => isTooNew(e, accepts)));
      }
      queue.splice(0, queue.length, ...rest.filter((b) => b.length > 0));
      const detail = `${verdict.kind === "rejected" ? verdict.detail : ""}: schema not accepted`;
      audit(options.home, { time, batch: id, outcome: "kept", detail }, progress);
      continue;
    }
    if (verdict.kind === "delivered") {
      for (const e of batch) progress.delivered.add(e.eventId);
      progress.batches += 1;
      audit(options.home, { time, batch: id, outcome: "delivered" }, progress);
    } else if (verdict.kind === "split" && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      queue.unshift(batch.slice(0, half), batch.slice(half));
      audit(options.home, { time, batch: id, outcome: "split", detail: verdict.detail }, progress);
    } else if (verdict.kind === "kept") {
      progress.stop = verdict;
      audit(options.home, { time, batch: id, outcome: "kept", detail: verdict.detail }, progress);
      break;
    } else {
      // A refusal, or a 413 for one event alone: set aside.
      const rejected = verdict.kind === "rejected"
        ? verdict
        : { kind: "rejected" as const, detail: verdict.detail };
      audit(
        options.home,
        { time, batch: id, outcome: "refused", detail: verdict.detail },
        progress,
      );
      refuse(batch, rejected, queue, progress, options);
    }
  }
  return progress;
}

function printBatches(batches: ClaimedEvent[][], transport: Transport, options: FlushOptions) {
  batches.forEach((batch, i) => {
    const body = transport.body(batch.map((e) => e.line), options.now(), batchId());
    options.onDebug?.(
      `jmo-telemetry debug: batch ${i + 1} of ${batches.length} (${batch.length} events), ` +
        `not sent; it would be ${transport.target}\n${body}\n`,
    );
  });
}

function outcomeOf(
  debug: boolean,
  live: number,
  sent: number,
  kept: number,
): FlushOutcome["outcome"] {
  if (debug) return "debug";
  if (live === 0) return "nothing";
  if (sent === 0 && kept === 0) return "rejected";
  if (kept === 0) return "delivered";
  return sent > 0 ? "partial" : "failed";
}

/**
 * Flushes the spool once. Claims every pending segment (two flushers never
 * hold the same one; a dead flusher's claim is taken over), drops expired
 * events and the oldest past the 5 MiB cap, sends the rest in batches of at
 * most 500 events and 256 KiB (as the transport's body measures them), and
 * settles: delivered events are deleted, refused ones set aside, the rest go
 * back; set-aside batches past the maximum age or the 1 MiB cap of
 * `rejected/` are deleted and counted. The first timeout, network error,
 * `429` or `5xx` stops the flush and sets the backoff in `state.json`; a full
 * delivery clears it. Each delivered batch is written to `audit.jsonl`; when
 * that fails the delivery stands and the report's detail says so.
 *
 * @example
 * ```ts
 * import { flushSpool } from "./flush_spool.ts";
 * import { processIsAlive } from "../spool/mod.ts";
 * const report = await flushSpool({
 *   home: "/tmp/jmo-home",
 *   transport: { kind: "collector", endpoint: "http://127.0.0.1:8787/v1/events" },
 *   timeoutMs: 2_000, maxAgeMs: 30 * 86_400_000, debug: false, background: false,
 *   now: () => new Date(), random: Math.random, fetch, isAlive: processIsAlive, pid: 42,
 * });
 * report.sent;
 * ```
 */
export async function flushSpool(options: FlushOptions): Promise<FlushReport> {
  const transport = chooseTransport(options.transport, options);
  const startMs = options.now().getTime();
  if (options.background) {
    const backoff = readState(options.home).backoff;
    if (!backoffPassed(backoff, startMs)) {
      return { ...emptyFlushReport(transport, "waiting"), nextAttemptAt: backoff?.next_attempt_at };
    }
  }
  // No spool, nothing pending: and a home deleted meanwhile is not made again.
  if (!existsSync(spoolLayout(options.home).root)) return emptyFlushReport(transport, "nothing");
  if (!acquireFlushLease(options.home, options.pid, startMs, options.isAlive)) {
    if (options.background) return emptyFlushReport(transport, "waiting");
  }
  try {
    return await flushClaimed(transport, options, startMs);
  } finally {
    releaseFlushLease(options.home, options.pid);
  }
}

/**
 * The schema versions `transport` accepts, as far as it is known: what the
 * collector last announced (in `state`), asked again when some pending
 * event is of a newer version (it may have been upgraded); `undefined` for
 * a Gist or a collector never heard from (its answer then says, and a
 * refusal of newer events only holds them).
 */
async function announcedSchemas(
  transport: Transport,
  live: readonly ClaimedEvent[],
  settings: TransportSettings,
  state: { collector_schemas?: { endpoint: string; schemas: number[] } },
): Promise<readonly number[] | undefined> {
  if (transport.probe === undefined || settings.kind !== "collector") return undefined;
  const known = state.collector_schemas?.endpoint === settings.endpoint
    ? state.collector_schemas.schemas
    : undefined;
  if (known === undefined || !live.some((e) => isTooNew(e, known))) return known;
  return await transport.probe() ?? known;
}

async function flushClaimed(
  transport: Transport,
  options: FlushOptions,
  startMs: number,
): Promise<FlushReport> {
  const { home } = options;
  const claim = claimPending(home, {
    now: startMs,
    isAlive: options.isAlive,
    check: envelopeProblem,
  });
  const boundAside = () => boundRejected(home, { now: startMs, maxAgeMs: options.maxAgeMs });
  if (claim.events.length === 0 && claim.damaged === 0 && claim.invalid.length === 0) {
    settleClaim(claim, () => false);
    const nothing = emptyFlushReport(transport, "nothing");
    const rejectedDeleted = boundAside();
    if (rejectedDeleted === 0) return nothing;
    saveState(home, (s) => {
      s.dropped.rejected_deleted += rejectedDeleted;
    });
    return { ...nothing, dropped: { ...nothing.dropped, rejectedDeleted } };
  }
  const plan = planRetention(claim.events, startMs, {
    maxAgeMs: options.maxAgeMs,
    maxBytes: MAX_SPOOL_BYTES,
  });
  const live = claim.events.filter((e) =>
    !plan.expired.has(e.eventId) && !plan.overCap.has(e.eventId)
  );
  const stillClaimed = () => existsSync(claim.dir);
  let progress: Progress = { delivered: new Set(), rejected: new Map(), held: [], batches: 0 };
  if (options.debug) printBatches(planBatches(live, transport.bodySize), transport, options);
  else {
    const announced = await announcedSchemas(transport, live, options.transport, readState(home));
    const accepted = (e: ClaimedEvent) => announced === undefined || !isTooNew(e, announced);
    const batches = planBatches(live.filter(accepted), transport.bodySize);
    progress = await sendAll(batches, transport, options, claim, stillClaimed);
    progress.held.push(...live.filter((e) => !accepted(e)));
    progress.schemas ??= announced;
  }
  const gone = (e: ClaimedEvent) =>
    progress.delivered.has(e.eventId) || progress.rejected.has(e.eventId) ||
    plan.expired.has(e.eventId) || plan.overCap.has(e.eventId);
  // The claim is gone when an opt-out or a purge deleted the spool, or when
  // another flusher judged this one gone and put its segments back in
  // ready/. Settling it then would bring events back twice.
  const lost = !stillClaimed();
  const purged = lost && !existsSync(spoolLayout(home).root);
  if (!lost) settleClaim(claim, (e) => !gone(e));
  const sent = progress.delivered.size;
  const kept = purged ? 0 : live.length - sent - progress.rejected.size;
  const outcome = purged
    ? (sent > 0 ? "partial" : "nothing")
    : outcomeOf(options.debug, live.length + claim.invalid.length, sent, kept);
  // Lines that failed the check are set aside when the claim settles: refused, with their reasons.
  const refusals = [
    ...progress.rejected.values(),
    ...(lost ? [] : claim.invalid.map((i) => `invalid in the spool: ${i.reason}`)),
  ];
  const report: FlushReport = {
    ...emptyFlushReport(transport, outcome),
    sent,
    batches: progress.batches,
    kept,
    dropped: {
      // A lost claim was never settled: whoever holds its events now drops them.
      expired: lost ? 0 : plan.expired.size,
      overCap: lost ? 0 : plan.overCap.size,
      rejected: refusals.length,
      damaged: lost ? 0 : claim.damaged,
      rejectedDeleted: lost ? 0 : boundAside(),
    },
    detail: [
      purged
        ? "pending events were deleted (an opt-out or a purge) during the flush"
        : lost
        ? `another flush judged this one gone and took over its claim; the ${kept} events it had not sent are pending again`
        : progress.stop?.detail ?? refusalDetail(refusals),
      progress.held.length > 0 && !lost
        ? describeHeld(progress.held, progress.schemas ?? [])
        : undefined,
      progress.auditFailure,
    ].filter((part) => part !== undefined).join("; ") || undefined,
  };
  if (lost || !existsSync(home)) return report;
  const state = saveState(home, (s) => {
    s.dropped.expired += report.dropped.expired;
    s.dropped.over_cap += report.dropped.overCap;
    recordRefusals(s, refusals);
    s.dropped.damaged += report.dropped.damaged;
    s.dropped.rejected_deleted += report.dropped.rejectedDeleted;
    s.last_flush = {
      at: options.now().toISOString(),
      outcome,
      sent,
      kept,
      ...(report.detail ? { detail: report.detail } : {}),
    };
    if (progress.schemas !== undefined && options.transport.kind === "collector") {
      s.collector_schemas = {
        endpoint: options.transport.endpoint,
        schemas: [...progress.schemas],
        at: options.now().toISOString(),
      };
    }
    if (options.debug) return;
    // Held events wait like a failed delivery: the next attempts back off.
    if (progress.stop || progress.held.length > 0) {
      s.backoff = nextBackoff(
        s.backoff,
        options.now().getTime(),
        options.random,
        progress.stop?.retryAfterMs,
      );
    } else {
      delete s.backoff;
    }
  });
  if (state === undefined) {
    const why = "state.json not updated (the disk refused it)";
    return { ...report, detail: report.detail ? `${report.detail}; ${why}` : why };
  }
  return { ...report, nextAttemptAt: state.backoff?.next_attempt_at };
}

/** What was refused, in one phrase: how many, and the first reason. */
function refusalDetail(refusals: readonly string[]): string | undefined {
  if (refusals.length === 0) return undefined;
  return `${refusals.length} refused (${refusals[0]}) and set aside`;
}

/**
 * Updates `state.json`; `undefined` when the disk refuses (full, read-only,
 * over a file-size limit): what was sent stays sent, and the counts wait.
 */
function saveState(
  home: string,
  change: (state: TelemetryState) => void,
): TelemetryState | undefined {
  try {
    return updateState(home, change);
  } catch (error) {
    if (fsErrorCode(error) === undefined) throw error;
    return undefined;
  }
}
