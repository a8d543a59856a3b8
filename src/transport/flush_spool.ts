/**
 * The flush: claim what is pending, drop what expired, send it in batches,
 * and settle the claim so that only answered batches leave the spool.
 *
 * @module
 */

import { existsSync } from "node:fs";
import { describeFsError } from "../fs/mod.ts";
import { type FlushOutcome, readState, updateState } from "../install/mod.ts";
import type { TransportSettings } from "../settings/mod.ts";
import {
  boundRejected,
  type ClaimedEvent,
  claimPending,
  type IsAlive,
  MAX_SPOOL_BYTES,
  planRetention,
  setAside,
  settleClaim,
  spoolLayout,
  STALE_CLAIM_MS,
} from "../spool/mod.ts";
import { appendAudit } from "./audit_log.ts";
import { backoffPassed, nextBackoff } from "./backoff.ts";
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
  rejected: Set<string>;
  /** Events of a schema version the collector does not accept: they stay in the spool. */
  held: ClaimedEvent[];
  /** The schema versions the collector announced last, when it did. */
  schemas?: readonly number[];
  batches: number;
  /** The answer that stopped the loop: the rest is kept. */
  stop?: Verdict & { kind: "kept" };
  rejectedDetail?: string;
  /** Why `audit.jsonl` could not be written; the deliveries stand all the same. */
  auditFailure?: string;
}

async function sendAll(
  batches: ClaimedEvent[][],
  transport: Transport,
  options: FlushOptions,
  stillClaimed: () => boolean,
): Promise<Progress> {
  const progress: Progress = { delivered: new Set(), rejected: new Set(), held: [], batches: 0 };
  const queue = [...batches];
  // An opt-out or a purge deletes the claim: what it held must not be sent any more.
  while (queue.length > 0 && stillClaimed()) {
    const batch = queue.shift()!;
    const lines = batch.map((e) => e.line);
    const now = options.now();
    const body = transport.body(lines, now, batchId());
    const verdict = await transport.send(body);
    if (verdict.schemas) progress.schemas = verdict.schemas;
    const accepts = schemaRefusal(batch, verdict);
    if (accepts !== undefined) {
      // Refused only for a newer schema: hold those events, send the rest again.
      progress.schemas = accepts;
      const rest = [batch, ...queue].map((b) => b.filter((e) => !isTooNew(e, accepts)));
      for (const b of [batch, ...queue]) {
        progress.held.push(...b.filter((e) => isTooNew(e, accepts)));
      }
      queue.splice(0, queue.length, ...rest.filter((b) => b.length > 0));
      continue;
    }
    if (verdict.kind === "delivered") {
      for (const e of batch) progress.delivered.add(e.eventId);
      progress.batches += 1;
      try {
        appendAudit(options.home, {
          time: now.toISOString(),
          transport: transport.kind,
          endpoint_host: transport.host,
          events: batch.length,
          body,
        });
      } catch (error) {
        // The batch is delivered: it must leave the spool even if it cannot be logged.
        progress.auditFailure ??= `audit.jsonl not written (${describeFsError(error)})`;
      }
    } else if (verdict.kind === "split" && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      queue.unshift(batch.slice(0, half), batch.slice(half));
    } else if (verdict.kind === "kept") {
      progress.stop = verdict;
      break;
    } else {
      setAside(options.home, lines, now.getTime());
      for (const e of batch) progress.rejected.add(e.eventId);
      progress.rejectedDetail = verdict.detail;
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
 * event is of a version it did not announce (it may have been upgraded);
 * `undefined` for a Gist or a collector never heard from (its answer then
 * says, and a refusal for a newer schema only holds the events).
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
  const claim = claimPending(home, { now: startMs, isAlive: options.isAlive });
  const boundAside = () => boundRejected(home, { now: startMs, maxAgeMs: options.maxAgeMs });
  if (claim.events.length === 0 && claim.damaged === 0) {
    settleClaim(claim, () => false);
    const nothing = emptyFlushReport(transport, "nothing");
    const rejectedDeleted = boundAside();
    if (rejectedDeleted === 0) return nothing;
    updateState(home, (s) => {
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
  let progress: Progress = { delivered: new Set(), rejected: new Set(), held: [], batches: 0 };
  if (options.debug) printBatches(planBatches(live, transport.bodySize), transport, options);
  else {
    const announced = await announcedSchemas(transport, live, options.transport, readState(home));
    const accepted = (e: ClaimedEvent) => announced === undefined || !isTooNew(e, announced);
    const batches = planBatches(live.filter(accepted), transport.bodySize);
    progress = await sendAll(batches, transport, options, stillClaimed);
    progress.held.push(...live.filter((e) => !accepted(e)));
    progress.schemas ??= announced;
  }
  const gone = (e: ClaimedEvent) =>
    progress.delivered.has(e.eventId) || progress.rejected.has(e.eventId) ||
    plan.expired.has(e.eventId) || plan.overCap.has(e.eventId);
  // The claim is gone when an opt-out or a purge deleted the spool, or when
  // another flusher took it over (this one ran past STALE_CLAIM_MS) and put
  // its segments back. Settling it then would bring events back twice.
  const lost = !stillClaimed();
  const purged = lost && !existsSync(spoolLayout(home).root);
  if (!lost) settleClaim(claim, (e) => !gone(e));
  const sent = progress.delivered.size;
  const kept = purged ? 0 : live.length - sent - progress.rejected.size;
  const outcome = purged
    ? (sent > 0 ? "partial" : "nothing")
    : outcomeOf(options.debug, live.length, sent, kept);
  const report: FlushReport = {
    ...emptyFlushReport(transport, outcome),
    sent,
    batches: progress.batches,
    kept,
    dropped: {
      // A lost claim was never settled: whoever holds its events now drops them.
      expired: lost ? 0 : plan.expired.size,
      overCap: lost ? 0 : plan.overCap.size,
      rejected: progress.rejected.size,
      damaged: lost ? 0 : claim.damaged,
      rejectedDeleted: lost ? 0 : boundAside(),
    },
    detail: [
      purged
        ? "pending events were deleted (an opt-out or a purge) during the flush"
        : lost
        ? `another flush took over this one's claim (it ran past ${
          STALE_CLAIM_MS / 60_000
        } min); the ${kept} events it had not sent are pending again`
        : progress.stop?.detail ??
          (progress.rejected.size > 0
            ? `${progress.rejected.size} refused (${progress.rejectedDetail}) and set aside`
            : undefined),
      progress.held.length > 0 && !purged && !lost
        ? describeHeld(progress.held, progress.schemas ?? [])
        : undefined,
      progress.auditFailure,
    ].filter((part) => part !== undefined).join("; ") || undefined,
  };
  if (lost || !existsSync(home)) return report;
  const state = updateState(home, (s) => {
    s.dropped.expired += report.dropped.expired;
    s.dropped.over_cap += report.dropped.overCap;
    s.dropped.rejected += report.dropped.rejected;
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
  return { ...report, nextAttemptAt: state.backoff?.next_attempt_at };
}
