/**
 * The collector transport: `POST {"events":[...]}` to `JMO_TELEMETRY_ENDPOINT`.
 *
 * @module
 */

import { VERSION } from "../version.ts";
import type { Verdict } from "./classify_response.ts";
import type { BodySize } from "./plan_batches.ts";
import { type RequestOptions, sendRequest } from "./send_request.ts";

/**
 * The body of a collector request: the events' spooled lines, unchanged,
 * inside `{"events":[...]}`.
 *
 * @example
 * ```ts
 * import { collectorBody } from "./send_to_collector.ts";
 * collectorBody(['{"event_id":"a"}', '{"event_id":"b"}']);
 * // '{"events":[{"event_id":"a"},{"event_id":"b"}]}'
 * ```
 */
export function collectorBody(lines: readonly string[]): string {
  return `{"events":[${lines.join(",")}]}`;
}

/**
 * How a collector body grows: `{"events":[]}` empty, then each event's
 * spooled line and its comma (a spooled event's `bytes` counts its newline:
 * the same one byte).
 *
 * @example
 * ```ts
 * import { collectorBodySize } from "./send_to_collector.ts";
 * collectorBodySize.eventBytes({ bytes: 17 }); // 17
 * ```
 */
export const collectorBodySize: BodySize<{ bytes: number }> = {
  emptyBytes: collectorBody([]).length,
  eventBytes: (event) => event.bytes,
};

/**
 * Posts one batch body to the collector and classifies the answer.
 *
 * @example
 * ```ts
 * import { collectorBody, sendToCollector } from "./send_to_collector.ts";
 * const verdict = await sendToCollector(collectorBody(['{"event_id":"a"}']), {
 *   endpoint: "http://127.0.0.1:8787/v1/events",
 *   fetch, timeoutMs: 2_000, now: () => new Date(),
 * });
 * ```
 */
export function sendToCollector(
  body: string,
  options: RequestOptions & { endpoint: string },
): Promise<Verdict> {
  return sendRequest(
    options.endpoint,
    {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": `jmo-telemetry/${VERSION}` },
      body,
    },
    "collector",
    options,
  );
}

/**
 * Asks the collector which schema versions it accepts (`GET` the endpoint,
 * answered `{"schemas":[1,2]}`); `undefined` when it does not say (an older
 * collector, an error, no answer).
 *
 * @example
 * ```ts
 * import { probeCollectorSchemas } from "./send_to_collector.ts";
 * const schemas = await probeCollectorSchemas({
 *   endpoint: "http://127.0.0.1:8787/v1/events",
 *   fetch, timeoutMs: 2_000, now: () => new Date(),
 * }); // [1, 2]
 * ```
 */
export async function probeCollectorSchemas(
  options: RequestOptions & { endpoint: string },
): Promise<number[] | undefined> {
  const verdict = await sendRequest(
    options.endpoint,
    { method: "GET", headers: { "user-agent": `jmo-telemetry/${VERSION}` } },
    "collector",
    options,
  );
  return verdict.kind === "delivered" ? verdict.schemas : undefined;
}
