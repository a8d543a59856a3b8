/**
 * A minimal HTTP/1.1 reader over raw sockets, shared by the test server and
 * the test proxy: it keeps the exact bytes of every request, so tests can
 * assert on the request line, the headers and the body as they were sent.
 *
 * @module
 */

import type { Socket } from "node:net";

/** One request as it arrived. */
export interface WireRequest {
  method: string;
  /** The request target: a path, an absolute URI (to a proxy) or `host:port` (CONNECT). */
  target: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The request line, headers and body, exactly as received. */
  raw: string;
}

const HEAD_END = "\r\n\r\n";

function parseHead(head: string): Omit<WireRequest, "body" | "raw"> {
  const [line, ...fields] = head.split("\r\n");
  const [method, target] = line.split(" ");
  const headers: Record<string, string> = {};
  for (const field of fields) {
    const colon = field.indexOf(":");
    headers[field.slice(0, colon).trim().toLowerCase()] = field.slice(colon + 1).trim();
  }
  return { method, target, headers };
}

/**
 * Calls `onRequest` for each complete request read from `socket` (several
 * on a kept-alive connection), in order. Bodies must carry a
 * `content-length` (as fetch sends a string body); a CONNECT request has none.
 *
 * @example
 * ```ts
 * import { createServer } from "node:net";
 * import { readRequests } from "./http_wire.ts";
 * createServer((socket) => readRequests(socket, (req) => console.log(req.method, req.target)));
 * ```
 */
export function readRequests(socket: Socket, onRequest: (request: WireRequest) => void): void {
  let buffer = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf(HEAD_END);
      if (end < 0) return;
      const head = parseHead(buffer.subarray(0, end).toString("latin1"));
      const length = Number(head.headers["content-length"] ?? 0);
      const total = end + HEAD_END.length + length;
      if (buffer.length < total) return;
      const raw = buffer.subarray(0, total);
      buffer = buffer.subarray(total);
      onRequest({
        ...head,
        body: raw.subarray(end + HEAD_END.length).toString("utf8"),
        raw: raw.toString("utf8"),
      });
      if (head.method === "CONNECT") {
        socket.off("data", onData);
        return;
      }
    }
  };
  socket.on("data", onData);
}

const REASONS: Record<number, string> = {
  200: "OK",
  307: "Temporary Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  413: "Payload Too Large",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/**
 * The bytes of a complete HTTP/1.1 response with a `content-length`.
 *
 * @example
 * ```ts
 * import { responseBytes } from "./http_wire.ts";
 * responseBytes(200, { "content-type": "application/json" }, "{}");
 * ```
 */
export function responseBytes(
  status: number,
  headers: Record<string, string>,
  body: string,
): Uint8Array {
  const bytes = new TextEncoder().encode(body);
  const lines = [
    `HTTP/1.1 ${status} ${REASONS[status] ?? "Status"}`,
    ...Object.entries({ ...headers, "content-length": String(bytes.length) }).map(([k, v]) =>
      `${k}: ${v}`
    ),
  ];
  return Buffer.concat([Buffer.from(lines.join("\r\n") + HEAD_END, "latin1"), bytes]);
}
