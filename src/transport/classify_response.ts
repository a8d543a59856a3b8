/**
 * What an answer (or the lack of one) means for a batch: delivered, refused,
 * too large, or kept for a later attempt. Pure: status, headers and clock in.
 *
 * @module
 */

/** The fate of one batch after one request. */
export type Verdict =
  & (
    /** A `2xx`: delete the batch. */
    | { kind: "delivered" }
    /**
     * Refused as malformed (`400`, GitHub's `422`): set aside, never retried.
     * `refused` names the events the collector found invalid, by index in the
     * batch, when its answer says: only those are set aside, the rest is sent
     * again; those of a schema newer than the collector accepts stay in the spool.
     */
    | { kind: "rejected"; detail: string; refused?: RefusedEvent[] }
    /** `413`: cut the batch in two and send each half. */
    | { kind: "split"; detail: string }
    /** Anything else: keep the batch and back off, at least `retryAfterMs` when given. */
    | { kind: "kept"; detail: string; retryAfterMs?: number }
  )
  & {
    /** The schema versions the collector announced in its answer, when it did. */
    schemas?: number[];
  };

/** One event of a batch the collector refused, and why. */
export interface RefusedEvent {
  index: number;
  reason: string;
}

/** Which service answered: their refusal and rate-limit answers differ. */
export type TransportKind = "collector" | "gist";

/**
 * Reads a `Retry-After` value (delay seconds or an HTTP date) as milliseconds
 * from now; `undefined` when absent or unreadable.
 *
 * @example
 * ```ts
 * import { parseRetryAfter } from "./classify_response.ts";
 * parseRetryAfter("120", 0); // 120_000
 * parseRetryAfter("Thu, 01 Jan 1970 00:01:00 GMT", 0); // 60_000
 * parseRetryAfter(null, 0); // undefined
 * ```
 */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function gistRateLimit(headers: Headers, nowMs: number): number | undefined {
  const retryAfter = parseRetryAfter(headers.get("retry-after"), nowMs);
  if (retryAfter !== undefined) return retryAfter;
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (headers.get("x-ratelimit-remaining") !== "0" || !Number.isFinite(reset) || reset <= 0) {
    return undefined;
  }
  return Math.max(0, reset * 1000 - nowMs);
}

/**
 * Classifies an HTTP answer. `2xx` delivers; `400` (and GitHub's `422`
 * validation failure) rejects; `413` splits; every other status keeps the
 * batch. A collector's `429` carries its `Retry-After`; GitHub's rate-limit
 * answers (`403`/`429` with `retry-after`, or `x-ratelimit-remaining: 0` and
 * `x-ratelimit-reset`) carry the time until the limit lifts. A collector's
 * `400` body (`{"details":[{"index","field","reason"}]}`) names the refused
 * events, and any of its answers the schema versions it accepts (`schemas`).
 *
 * @example
 * ```ts
 * import { classifyResponse } from "./classify_response.ts";
 * classifyResponse(200, new Headers(), "collector", 0); // { kind: "delivered" }
 * classifyResponse(429, new Headers({ "retry-after": "60" }), "collector", 0);
 * // { kind: "kept", detail: "HTTP 429 (retry after 60 s)", retryAfterMs: 60_000 }
 * ```
 */
export function classifyResponse(
  status: number,
  headers: Headers,
  transport: TransportKind,
  nowMs: number,
  body = "",
): Verdict {
  const verdict = classifyStatus(status, headers, transport, nowMs, body);
  const schemas = transport === "collector" ? announcedSchemas(body) : undefined;
  return schemas === undefined ? verdict : { ...verdict, schemas };
}

/**
 * The schema versions a collector's answer announces (`"schemas":[1,2]`),
 * or `undefined` when it names none.
 *
 * @example
 * ```ts
 * import { announcedSchemas } from "./classify_response.ts";
 * announcedSchemas('{"accepted":1,"duplicates":0,"schemas":[1,2]}'); // [1, 2]
 * announcedSchemas("<html>"); // undefined
 * ```
 */
export function announcedSchemas(body: string): number[] | undefined {
  let schemas: unknown;
  try {
    schemas = (JSON.parse(body) as { schemas?: unknown } | null)?.schemas;
  } catch {
    return undefined;
  }
  if (!Array.isArray(schemas) || schemas.length === 0) return undefined;
  return schemas.every((v) => Number.isSafeInteger(v) && v > 0) ? schemas : undefined;
}

function classifyStatus(
  status: number,
  headers: Headers,
  transport: TransportKind,
  nowMs: number,
  body: string,
): Verdict {
  if (status >= 200 && status < 300) return { kind: "delivered" };
  if (status === 400 || (transport === "gist" && status === 422)) {
    const refused = transport === "collector" ? refusedEvents(body) : [];
    return {
      kind: "rejected",
      detail: `HTTP ${status}`,
      ...(refused.length > 0 ? { refused } : {}),
    };
  }
  if (status === 413) return { kind: "split", detail: "HTTP 413" };
  const retryAfterMs = transport === "gist"
    ? (status === 403 || status === 429 ? gistRateLimit(headers, nowMs) : undefined)
    : (status === 429 || status === 503
      ? parseRetryAfter(headers.get("retry-after"), nowMs)
      : undefined);
  if (retryAfterMs === undefined) {
    const note = status >= 300 && status < 400 ? " (redirects are not followed)" : "";
    return { kind: "kept", detail: `HTTP ${status}${note}` };
  }
  const label = transport === "gist" ? "GitHub rate limit, " : "";
  return {
    kind: "kept",
    detail: `HTTP ${status} (${label}retry after ${Math.ceil(retryAfterMs / 1000)} s)`,
    retryAfterMs,
  };
}

/**
 * The events a collector's `400` answer names as invalid: each detail's
 * index (a whole number), with its field and reason. Anything unreadable
 * names none, and the whole batch counts as refused.
 *
 * @example
 * ```ts
 * import { refusedEvents } from "./classify_response.ts";
 * refusedEvents('{"details":[{"index":2,"field":"metadata.tool","reason":"must match"}]}');
 * // [{ index: 2, reason: "metadata.tool: must match" }]
 * ```
 */
export function refusedEvents(body: string): RefusedEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return [];
  }
  const details = (parsed as { details?: unknown } | null)?.details;
  if (!Array.isArray(details)) return [];
  const refused: RefusedEvent[] = [];
  for (const d of details as { index?: unknown; field?: unknown; reason?: unknown }[]) {
    if (!Number.isSafeInteger(d?.index) || (d.index as number) < 0) return [];
    const field = typeof d.field === "string" && d.field !== "" ? `${d.field}: ` : "";
    const reason = typeof d.reason === "string" ? d.reason : "invalid";
    refused.push({ index: d.index as number, reason: `${field}${reason}`.slice(0, 160) });
  }
  return refused;
}

/**
 * Classifies a request that got no answer: a timeout or a network error
 * keeps the batch. The detail names the kind of failure and the system's
 * error code, never the error's message (which could carry a URL or more).
 *
 * @example
 * ```ts
 * import { classifyFailure } from "./classify_response.ts";
 * classifyFailure(new DOMException("late", "TimeoutError"), 2_000);
 * // { kind: "kept", detail: "timeout after 2 s" }
 * ```
 */
export function classifyFailure(error: unknown, timeoutMs: number): Verdict {
  const e = error as { name?: string; code?: unknown; cause?: { code?: unknown } } | undefined;
  if (e?.name === "TimeoutError" || e?.name === "AbortError") {
    return { kind: "kept", detail: `timeout after ${timeoutMs / 1000} s` };
  }
  const code = [e?.code, e?.cause?.code].find((c) =>
    typeof c === "string" && /^[A-Za-z_]{2,40}$/.test(c)
  );
  return { kind: "kept", detail: code ? `network error (${code})` : "network error" };
}
