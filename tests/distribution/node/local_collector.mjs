// A stand-in collector for flush tests: an HTTP server on 127.0.0.1 and a
// free port that records every request and answers with one status.
import { createServer } from "node:http";

/**
 * Starts the collector; it answers every request with `status` (200: the
 * collector's `{"accepted":n,"duplicates":0}`). `requests` holds each
 * request's method, path, headers and parsed JSON body; `endpoint` is the
 * URL to put in `JMO_TELEMETRY_ENDPOINT`. Closed when the test `t` ends.
 *
 * @example
 * ```js
 * import { startLocalCollector } from "./local_collector.mjs";
 * const collector = await startLocalCollector(t, 503);
 * const client = createClient(box.clientOptions({ JMO_TELEMETRY_ENDPOINT: collector.endpoint }));
 * ```
 */
export async function startLocalCollector(t, status = 200) {
  const requests = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8").on("data", (text) => body += text);
    request.on("end", () => {
      const parsed = JSON.parse(body);
      requests.push({
        method: request.method,
        path: request.url,
        headers: request.headers,
        body: parsed,
      });
      const accepted = JSON.stringify({
        accepted: parsed.events.length,
        duplicates: 0,
        conflicts: 0,
      });
      response.writeHead(status, { "content-type": "application/json" });
      response.end(status === 200 ? accepted : '{"error":"unavailable"}');
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return { endpoint: `http://127.0.0.1:${server.address().port}/v1/events`, requests };
}
