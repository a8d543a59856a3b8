/**
 * `audit.jsonl`: what left the machine. Each request is written with its
 * exact body before it is sent (outcome `attempt`), then its outcome, so
 * that a flush killed mid-request still leaves the attempt on record and a
 * resent batch shows twice. Rotated at 1 MiB.
 *
 * @module
 */

import { appendFileSync, renameSync, statSync } from "node:fs";
import { installPaths, withLock } from "../install/mod.ts";
import type { TransportKind } from "./classify_response.ts";

/** The audit log is rotated (to `audit.jsonl.1`) before it would pass this size. */
export const AUDIT_MAX_BYTES = 1024 * 1024;

/** One request, written before it is sent. */
export interface AuditAttempt {
  /** When it was sent, UTC. */
  time: string;
  /** The batch's id, repeated by its outcome line. */
  batch: string;
  outcome: "attempt";
  transport: TransportKind;
  /** The host (and port) it went to; never a path, query or credential. */
  endpoint_host: string;
  /** How many events it carried. */
  events: number;
  /** The request body, exactly as sent. */
  body: string;
}

/** What became of one request. */
export interface AuditOutcome {
  /** When the answer came (or the request failed), UTC. */
  time: string;
  /** The batch's id, as its attempt line gives it. */
  batch: string;
  /** `delivered` (2xx), `refused` (set aside), `split` (413: sent again in halves), `kept` (sent again later). */
  outcome: "delivered" | "refused" | "split" | "kept";
  /** Why it was refused or kept, as `HTTP 503`. */
  detail?: string;
}

/** One line of `audit.jsonl`. */
export type AuditEntry = AuditAttempt | AuditOutcome;

/**
 * Appends one entry to `audit.jsonl` under the install lock; when the line
 * would take the file past 1 MiB, the file first becomes `audit.jsonl.1`
 * (replacing the previous one), so the log stays bounded at about 2 MiB.
 *
 * @example
 * ```ts
 * import { appendAudit } from "./audit_log.ts";
 * appendAudit("/tmp/jmo-home", {
 *   time: new Date().toISOString(), batch: "1a2b3c4d", outcome: "attempt", transport: "collector",
 *   endpoint_host: "telemetry.jmotools.com", events: 1, body: '{"events":[]}',
 * });
 * appendAudit("/tmp/jmo-home", { time: new Date().toISOString(), batch: "1a2b3c4d", outcome: "delivered" });
 * ```
 */
export function appendAudit(home: string, entry: AuditEntry): void {
  const paths = installPaths(home);
  const line = JSON.stringify(entry) + "\n";
  withLock(paths.lockFile, () => {
    const size = statSync(paths.auditFile, { throwIfNoEntry: false })?.size ?? 0;
    if (size > 0 && size + new TextEncoder().encode(line).length > AUDIT_MAX_BYTES) {
      renameSync(paths.auditFile, `${paths.auditFile}.1`);
    }
    appendFileSync(paths.auditFile, line, { mode: 0o600 });
  });
}
