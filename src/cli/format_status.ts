/**
 * The human form of `status`.
 *
 * @module
 */

import type { StatusReport } from "../client/read_status.ts";

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

function age(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

const RULES: Record<string, string> = {
  "env:JMO_TELEMETRY_DISABLE": "JMO_TELEMETRY_DISABLE is set",
  "env:DO_NOT_TRACK": "DO_NOT_TRACK is set",
  default: "default (opt-out model: on unless you opt out)",
};

function nextAttempt(s: StatusReport): string {
  if (s.pending.events === 0) return "none pending";
  if (s.next_attempt_at === null) return "when due (now)";
  const flushes = s.consecutive_failures === 1 ? "flush" : "flushes";
  return `${s.next_attempt_at} (backoff after ${s.consecutive_failures} failed ${flushes})`;
}

/** One line per ignored environment value, the first labelled. */
function ignoredLines(s: StatusReport): string[] {
  return s.settings_problems.map(({ variable, value, problem }, i) =>
    `${i === 0 ? "Ignored:" : ""}`.padEnd(16) + `${variable}=${JSON.stringify(value)}: ${problem}`
  );
}

function rule(reason: string): string {
  if (RULES[reason]) return RULES[reason];
  if (reason.startsWith("ci:")) return `CI detected (${reason.slice(3)} is set)`;
  if (reason.startsWith("config:")) return `telemetry.enabled in ${reason.slice(7)}`;
  return reason;
}

/**
 * Formats a status report for people.
 *
 * @example
 * ```ts
 * import { formatStatus } from "./format_status.ts";
 * // context.stdout(formatStatus(readStatus(core)));
 * ```
 */
export function formatStatus(s: StatusReport): string {
  const d = s.dropped;
  const last = s.last_flush
    ? `${s.last_flush.outcome} at ${s.last_flush.at} (sent ${s.last_flush.sent}, kept ${s.last_flush.kept}${
      s.last_flush.detail ? `, ${s.last_flush.detail}` : ""
    })`
    : "never";
  const lines = [
    `Telemetry:      ${s.enabled ? "on" : "off"}${s.debug ? " (debug: nothing is sent)" : ""}`,
    `Deciding rule:  ${rule(s.reason)}`,
    ...(s.config_problem ? [`Config ignored: ${s.config_path}: ${s.config_problem}`] : []),
    `Anonymous id:   ${s.anonymous_id ?? "none (made when the first event is recorded)"}`,
    `Scan count:     ${s.scan_count}`,
    `Pending:        ${s.pending.events} event${s.pending.events === 1 ? "" : "s"}, ${
      bytes(s.pending.bytes)
    }${
      s.pending.oldest_age_seconds === null
        ? ""
        : `, oldest ${age(s.pending.oldest_age_seconds)} old`
    }`,
    `Transport:      ${s.transport.kind} ${s.transport.endpoint}${
      s.collector_schemas === null ? "" : ` (accepts schema ${s.collector_schemas.join(", ")})`
    }`,
    `Last flush:     ${last}${s.flush_running ? "; a flush is running now" : ""}`,
    `Next attempt:   ${nextAttempt(s)}`,
    `Dropped:        ${d.expired} expired, ${d.over_cap} over the 5 MiB cap, ${d.rejected} refused, ${d.damaged} damaged`,
    ...Object.entries(s.refusals).map(([reason, n]) => `  refused:      ${n} x ${reason}`),
    `Set aside:      ${s.rejected_batches} refused batch${
      s.rejected_batches === 1 ? "" : "es"
    } kept in spool/rejected/ (at most the maximum age and 1 MiB); ${d.rejected_deleted} refused events since deleted from it`,
    `Normalised:     ${s.normalised.keys_dropped} unknown key${
      s.normalised.keys_dropped === 1 ? "" : "s"
    } dropped, ${s.normalised.values_replaced} value${
      s.normalised.values_replaced === 1 ? "" : "s"
    } outside the schema recorded as custom or other${
      s.strict ? " (strict: refused instead)" : ""
    }`,
    `State folder:   ${s.home}`,
    ...ignoredLines(s),
    "",
  ];
  return lines.join("\n");
}
