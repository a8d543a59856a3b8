import { deepEqual, equal } from "node:assert/strict";
import {
  classifyFailure,
  classifyResponse,
  parseRetryAfter,
  refusedEvents,
} from "../../src/transport/mod.ts";

const NOW = Date.parse("2026-11-23T10:00:00Z");
const none = new Headers();

Deno.test("2xx delivers, 400 rejects, 413 splits, 5xx and others keep the batch", () => {
  equal(classifyResponse(200, none, "collector", NOW).kind, "delivered");
  equal(classifyResponse(202, none, "collector", NOW).kind, "delivered");
  deepEqual(classifyResponse(400, none, "collector", NOW), {
    kind: "rejected",
    detail: "HTTP 400",
  });
  deepEqual(classifyResponse(413, none, "collector", NOW), { kind: "split", detail: "HTTP 413" });
  deepEqual(classifyResponse(500, none, "collector", NOW), { kind: "kept", detail: "HTTP 500" });
  deepEqual(classifyResponse(404, none, "collector", NOW), { kind: "kept", detail: "HTTP 404" });
  deepEqual(classifyResponse(307, none, "collector", NOW), {
    kind: "kept",
    detail: "HTTP 307 (redirects are not followed)",
  });
});

Deno.test("a collector's 429 keeps the batch and carries its Retry-After", () => {
  deepEqual(classifyResponse(429, new Headers({ "retry-after": "120" }), "collector", NOW), {
    kind: "kept",
    detail: "HTTP 429 (retry after 120 s)",
    retryAfterMs: 120_000,
  });
  deepEqual(classifyResponse(429, none, "collector", NOW), { kind: "kept", detail: "HTTP 429" });
});

Deno.test("Retry-After is read as seconds or as an HTTP date", () => {
  equal(parseRetryAfter("30", NOW), 30_000);
  equal(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW), 90_000);
  equal(parseRetryAfter("whenever", NOW), undefined);
  equal(parseRetryAfter(null, NOW), undefined);
});

Deno.test("GitHub's primary rate limit (403, quota spent) waits until x-ratelimit-reset", () => {
  const headers = new Headers({
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(NOW / 1000 + 1800),
  });
  deepEqual(classifyResponse(403, headers, "gist", NOW), {
    kind: "kept",
    detail: "HTTP 403 (GitHub rate limit, retry after 1800 s)",
    retryAfterMs: 1_800_000,
  });
});

Deno.test("GitHub's secondary rate limit (429 or 403 with retry-after) waits that long", () => {
  const headers = new Headers({ "retry-after": "600", "x-ratelimit-remaining": "4000" });
  equal(classifyResponse(429, headers, "gist", NOW).kind, "kept");
  equal(
    (classifyResponse(403, headers, "gist", NOW) as { retryAfterMs: number }).retryAfterMs,
    600_000,
  );
});

Deno.test("a GitHub 403 that is no rate limit keeps the batch without a server-given wait", () => {
  const headers = new Headers({ "x-ratelimit-remaining": "4999", "x-ratelimit-reset": "1" });
  deepEqual(classifyResponse(403, headers, "gist", NOW), { kind: "kept", detail: "HTTP 403" });
});

Deno.test("GitHub's 422 validation failure sets the batch aside like a collector's 400", () => {
  equal(classifyResponse(422, none, "gist", NOW).kind, "rejected");
  equal(classifyResponse(422, none, "collector", NOW).kind, "kept");
});

Deno.test("a timeout and a network error keep the batch and name only the kind of failure", () => {
  deepEqual(classifyFailure(new DOMException("signal timed out", "TimeoutError"), 2_000), {
    kind: "kept",
    detail: "timeout after 2 s",
  });
  const reset = Object.assign(new TypeError("fetch failed http://user:secret@host/"), {
    code: "ECONNRESET",
  });
  deepEqual(classifyFailure(reset, 2_000), { kind: "kept", detail: "network error (ECONNRESET)" });
  deepEqual(classifyFailure(new TypeError("fetch failed https://x/?token=t"), 2_000), {
    kind: "kept",
    detail: "network error",
  });
});

Deno.test("a collector's 400 names the refused events by index, with field and reason; an unreadable body names none", () => {
  const body = JSON.stringify({
    error: "2 invalid event(s); nothing of this request was stored",
    details: [
      { index: 3, field: "metadata.tool", reason: "must match" },
      { index: 7, field: "", reason: "must be a JSON object" },
    ],
  });
  deepEqual(classifyResponse(400, new Headers(), "collector", 0, body), {
    kind: "rejected",
    detail: "HTTP 400",
    refused: [
      { index: 3, reason: "metadata.tool: must match" },
      { index: 7, reason: "must be a JSON object" },
    ],
  });
  deepEqual(refusedEvents("not json"), []);
  deepEqual(refusedEvents('{"details":[{"index":-1}]}'), []);
  deepEqual(classifyResponse(422, new Headers(), "gist", 0, body), {
    kind: "rejected",
    detail: "HTTP 422",
  });
});
