/**
 * `audit.jsonl`: one line per delivered batch with the exact body sent, so a
 * user can see everything that ever left the machine. Rotated at 1 MiB.
 *
 * @module
 */

import { appendFileSync, renameSync, statSync } from "node:fs";
import { installPaths, withLock } from "../install/mod.ts";
import type { TransportKind } from "./classify_response.ts";

/** The audit log is rotated (to `audit.jsonl.1`) before it would pass this size. */
export const AUDIT_MAX_BYTES = 1024 * 1024;

/** One delivered batch. */
export interface AuditEntry {
  /** When it was delivered, UTC. */
  time: string;
  transport: TransportKind;
  /** The host (and port) it went to; never a path, query or credential. */
  endpoint_host: string;
  /** How many events it carried. */
  events: number;
  /** The request body, exactly as sent. */
  body: string;
}

/**
 * Appends one entry to `audit.jsonl` under the install lock; when the line
 * would take the file past 1 MiB, the file first becomes `audit.jsonl.1`
 * (replacing the previous one), so the log stays bounded at about 2 MiB.
 *
 * @example
 * ```ts
 * import { appendAudit } from "./audit_log.ts";
 * appendAudit("/tmp/jmo-home", {
 *   time: new Date().toISOString(), transport: "collector",
 *   endpoint_host: "telemetry.jmotools.com", events: 1, body: '{"events":[]}',
 * });
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
