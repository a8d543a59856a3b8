/**
 * A local HTTP server for delivery tests, on 127.0.0.1 and a free port: it
 * records every request byte for byte and answers as the test says: a status,
 * never (until released), or a connection reset.
 *
 * @module
 */

import { createServer, type Socket } from "node:net";
import { readRequests, responseBytes, type WireRequest } from "./http_wire.ts";

/** How to answer one request. */
export type Reply =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Accept the request and never answer (until `release`). */
  | "hang"
  /** Reset the connection (TCP RST) once the request has arrived. */
  | "reset";

/** A request as the server saw it, and what became of it. */
export interface RecordedRequest extends WireRequest {
  /** The status it was answered with, once answered. */
  status?: number;
  /** The client closed the connection while the request was unanswered. */
  closedUnanswered: boolean;
}

/** A running test server. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  requests: RecordedRequest[];
  /** Changes how later requests are answered. */
  reply: (request: RecordedRequest, index: number) => Reply;
  /** Resolves once at least `count` requests have arrived. */
  waitForRequests(count: number): Promise<void>;
  /** Answers every request that is hanging now. */
  release(reply: Reply): void;
  close(): Promise<void>;
}

/** The answer of a collector that accepted a batch. */
export const ACCEPTED: Reply = {
  status: 200,
  headers: { "content-type": "application/json" },
  body: '{"accepted":1,"duplicates":0}',
};

/**
 * Starts a server on 127.0.0.1 (port 0) answering with `reply`.
 *
 * @example
 * ```ts
 * import { ACCEPTED, startTestServer } from "./test_server.ts";
 * const server = await startTestServer(() => ACCEPTED);
 * // ... point JMO_TELEMETRY_ENDPOINT at `${server.origin}/v1/events`
 * await server.close();
 * ```
 */
export async function startTestServer(
  reply: (request: RecordedRequest, index: number) => Reply,
): Promise<TestServer> {
  const sockets = new Set<Socket>();
  const hanging: { socket: Socket; request: RecordedRequest }[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const answer = (socket: Socket, request: RecordedRequest, r: Reply) => {
    if (r === "hang") {
      hanging.push({ socket, request });
      socket.once("close", () => {
        if (request.status === undefined) request.closedUnanswered = true;
      });
    } else if (r === "reset") {
      socket.resetAndDestroy();
    } else {
      request.status = r.status;
      socket.write(responseBytes(r.status, r.headers ?? {}, r.body ?? ""));
      if (request.headers.connection === "close") socket.end();
    }
  };
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    readRequests(socket, (wire) => {
      const request: RecordedRequest = { ...wire, closedUnanswered: false };
      const index = state.requests.push(request) - 1;
      for (const w of waiters.filter((w) => state.requests.length >= w.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      answer(socket, request, state.reply(request, index));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const state: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests: [],
    reply,
    waitForRequests(count) {
      if (state.requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    release(r) {
      for (const { socket, request } of hanging.splice(0)) {
        if (!socket.destroyed) answer(socket, request, r);
      }
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

/**
 * The event ids a request carried, whether a collector batch
 * (`{"events":[...]}`) or a Gist update (NDJSON file contents).
 *
 * @example
 * ```ts
 * import { eventIdsOf } from "./test_server.ts";
 * // eventIdsOf(server.requests[0]); // ["6f1c...", ...]
 * ```
 */
export function eventIdsOf(request: WireRequest): string[] {
  const body = JSON.parse(request.body);
  if (Array.isArray(body.events)) return body.events.map((e: { event_id: string }) => e.event_id);
  return Object.values(body.files as Record<string, { content: string }>).flatMap((file) =>
    file.content.trim().split("\n").map((line) => JSON.parse(line).event_id)
  );
}

/**
 * The event ids of every request the server answered with a `2xx`, in order
 * (an id delivered twice appears twice).
 *
 * @example
 * ```ts
 * import { deliveredIds } from "./test_server.ts";
 * // deliveredIds(server).length; // events the server accepted
 * ```
 */
export function deliveredIds(server: TestServer): string[] {
  return server.requests
    .filter((r) => r.status !== undefined && r.status >= 200 && r.status < 300)
    .flatMap(eventIdsOf);
}
