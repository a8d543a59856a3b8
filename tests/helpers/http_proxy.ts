/**
 * A small forward proxy on 127.0.0.1 for proxy tests. Absolute-URI requests
 * (`POST http://host:port/path`) are forwarded to 127.0.0.1 on the same port,
 * whatever the host name says, so a target name that does not resolve is
 * reachable only through the proxy. `CONNECT` requests (HTTPS) are recorded
 * and refused with `502`: the test only needs to see that they came here.
 *
 * @module
 */

import { connect, createServer, type Socket } from "node:net";
import { readRequests, responseBytes, type WireRequest } from "./http_wire.ts";

/** A running proxy and what it saw. */
export interface TestProxy {
  /** `http://127.0.0.1:<port>`, for `HTTP_PROXY` / `HTTPS_PROXY`. */
  url: string;
  /** Every request the proxy received. */
  requests: WireRequest[];
  close(): Promise<void>;
}

function forward(client: Socket, request: WireRequest): void {
  const url = new URL(request.target);
  const headers = { ...request.headers, connection: "close" };
  const head = [
    `${request.method} ${url.pathname}${url.search} HTTP/1.1`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ].join("\r\n");
  const upstream = connect(Number(url.port || 80), "127.0.0.1", () => {
    upstream.write(head + "\r\n\r\n" + request.body);
  });
  upstream.on("data", (chunk) => client.write(chunk));
  upstream.on("error", () => client.destroy());
}

/**
 * Starts the proxy.
 *
 * @example
 * ```ts
 * import { startTestProxy } from "./http_proxy.ts";
 * const proxy = await startTestProxy();
 * // HTTP_PROXY=proxy.url ...
 * await proxy.close();
 * ```
 */
export async function startTestProxy(): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  const requests: WireRequest[] = [];
  const server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => {});
    readRequests(client, (request) => {
      requests.push(request);
      if (request.method === "CONNECT") {
        client.end(responseBytes(502, {}, ""));
      } else {
        forward(client, request);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
