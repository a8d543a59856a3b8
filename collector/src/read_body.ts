/**
 * Reads a request body without ever holding more than the limit: a declared
 * `Content-Length` over the limit is refused before reading, and the bytes
 * actually read are counted too, so a chunked or lying body is cut off.
 *
 * @module
 */

/** The body's bytes, or the refusal of a body over the limit. */
export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false };

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

/**
 * Reads at most `maxBytes` of `body`. Answers `{ ok: false }` as soon as the
 * declared or the actual length passes the limit, and cancels the rest.
 *
 * @example
 * ```ts
 * import { readBoundedBody } from "./read_body.ts";
 * const r = await readBoundedBody(null, new Response("{}").body, 1024);
 * r.ok && r.bytes.length; // 2
 * ```
 */
export async function readBoundedBody(
  contentLength: string | null,
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<BodyRead> {
  const declared = declaredLength(contentLength);
  if (declared !== undefined && declared > maxBytes) {
    await body?.cancel().catch(() => {});
    return { ok: false };
  }
  if (body === null) return { ok: true, bytes: new Uint8Array() };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: concatenate(chunks, total) };
}
