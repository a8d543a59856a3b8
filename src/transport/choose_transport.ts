/**
 * The transport the settings name, behind one face for the flush.
 *
 * @module
 */

import type { TransportSettings } from "../settings/mod.ts";
import type { Verdict } from "./classify_response.ts";
import type { BodySize } from "./plan_batches.ts";
import type { RequestOptions } from "./send_request.ts";
import {
  collectorBody,
  collectorBodySize,
  probeCollectorSchemas,
  sendToCollector,
} from "./send_to_collector.ts";
import { describeTransport, type TransportTarget } from "./describe_transport.ts";
import { gistBody, gistBodySize, sendToGist } from "./send_to_gist.ts";

/** Where batches go and how they are sent. */
export interface Transport extends TransportTarget {
  /** The exact body of a batch; `batchId` names a Gist file. */
  body(lines: readonly string[], now: Date, batchId: string): string;
  /** How `body` grows with each spooled event, for cutting batches. */
  bodySize: BodySize<{ line: string; bytes: number }>;
  /** Sends a body made by `body`; never throws. */
  send(body: string): Promise<Verdict>;
  /**
   * Asks which event schema versions the destination accepts; `undefined`
   * when it does not say. Absent for a Gist, which stores every version.
   */
  probe?: () => Promise<number[] | undefined>;
}

/**
 * Builds the transport for the settings: the collector, or the Gist when
 * both its id and token are set.
 *
 * @example
 * ```ts
 * import { chooseTransport } from "./choose_transport.ts";
 * const transport = chooseTransport(
 *   { kind: "collector", endpoint: "http://127.0.0.1:8787/v1/events" },
 *   { fetch, timeoutMs: 2_000, now: () => new Date() },
 * );
 * transport.host; // "127.0.0.1:8787"
 * ```
 */
export function chooseTransport(settings: TransportSettings, options: RequestOptions): Transport {
  const described = describeTransport(settings);
  if (settings.kind === "gist") {
    return {
      ...described,
      body: gistBody,
      bodySize: gistBodySize,
      send: (body) => sendToGist(body, { ...options, ...settings }),
    };
  }
  return {
    ...described,
    body: collectorBody,
    bodySize: collectorBodySize,
    send: (body) => sendToCollector(body, { ...options, endpoint: settings.endpoint }),
    probe: () => probeCollectorSchemas({ ...options, endpoint: settings.endpoint }),
  };
}
