/**
 * Reads a request body without ever holding more than the limit or waiting
 * longer than the deadline: a declared `Content-Length` over the limit is
 * refused before reading, the bytes actually read are counted too (so a
 * chunked or lying body is cut off), a body that does not arrive in time is
 * given up, and a client that goes away mid-upload is told apart from a
 * failure of the collector.
 *
 * @module
 */

import { MAX_DISCARDED_BYTES } from "./limits.ts";

/** Why a body was not read whole. */
export type BodyProblem = "too-large" | "timeout" | "aborted";

/** The body's bytes, or why it was given up. */
export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: BodyProblem };

function declaredLength(contentLength: string | null): number | undefined {
  if (contentLength === null || !/^\d+$/.test(contentLength.trim())) return undefined;
  return Number(contentLength.trim());
}

function concatenate(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

type Chunk = { done: true } | { done: false; value: Uint8Array } | { problem: BodyProblem };

/** The next chunk, or the problem: the deadline passed, or the stream broke. */
async function nextChunk(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  deadline: number,
): Promise<Chunk> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Chunk>((resolve) => {
    timer = setTimeout(() => resolve({ problem: "timeout" }), Math.max(0, deadline - Date.now()));
  });
  const read = reader.read().then(
    (result): Chunk => result.done ? { done: true } : { done: false, value: result.value },
    (): Chunk => ({ problem: "aborted" }),
  );
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Reads and drops up to `maxBytes` more within the deadline, then cancels
 * the rest: a body read to its end leaves the connection fit for the next
 * request; one cut short makes the runtime close the connection.
 */
async function drain(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  deadline: number,
  maxBytes: number,
): Promise<void> {
  let total = 0;
  while (total < maxBytes) {
    const chunk = await nextChunk(reader, deadline);
    if ("problem" in chunk) break;
    if (chunk.done) return;
    total += chunk.value.byteLength;
  }
  await reader.cancel().catch(() => {});
}

/**
 * Reads at most `maxBytes` of `body` within `timeoutMs`. Answers the problem
 * as soon as the declared or the actual length passes the limit, the time is
 * up, or the stream breaks (the client went away). A body over the limit is
 * still read and dropped when it is at most `MAX_DISCARDED_BYTES` (so the
 * connection can serve the next request), else cancelled; so is the rest of
 * a late or broken one.
 *
 * @example
 * ```ts
 * import { readBoundedBody } from "./read_body.ts";
 * const r = await readBoundedBody(null, new Response("{}").body, 1024, 10_000);
 * r.ok && r.bytes.length; // 2
 * ```
 */
export async function readBoundedBody(
  contentLength: string | null,
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  timeoutMs: number,
): Promise<BodyRead> {
  if (body === null) return { ok: true, bytes: new Uint8Array() };
  const deadline = Date.now() + timeoutMs;
  const reader = body.getReader();
  const declared = declaredLength(contentLength);
  if (declared !== undefined && declared > maxBytes) {
    await drain(reader, deadline, declared > MAX_DISCARDED_BYTES ? 0 : declared + 1);
    return { ok: false, problem: "too-large" };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (true) {
    const chunk = await nextChunk(reader, deadline);
    if ("problem" in chunk) {
      await reader.cancel().catch(() => {});
      return { ok: false, problem: chunk.problem };
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await drain(reader, deadline, MAX_DISCARDED_BYTES - total);
      return { ok: false, problem: "too-large" };
    }
    chunks.push(chunk.value);
  }
  return { ok: true, bytes: concatenate(chunks, total) };
}

/**
 * Reads and drops a body that will not be used, so the connection can carry
 * the next request: at most `maxBytes` within `timeoutMs`, after which the
 * rest is cancelled (and the runtime closes the connection instead).
 *
 * @example
 * ```ts
 * import { discardBody } from "./read_body.ts";
 * await discardBody(new Response("unwanted").body, 1024, 10_000);
 * ```
 */
export async function discardBody(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  timeoutMs: number,
): Promise<void> {
  if (body === null || body.locked) return;
  await drain(body.getReader(), Date.now() + timeoutMs, maxBytes);
}
