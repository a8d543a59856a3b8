/**
 * Cutting pending events into request-sized batches: pure arithmetic over sizes.
 *
 * @module
 */

/** At most this many events go in one request. */
export const MAX_BATCH_EVENTS = 500;
/** At most this many bytes of body go in one request. */
export const MAX_BATCH_BYTES = 256 * 1024;

/** How large a batch may be. */
export interface BatchLimits {
  maxEvents: number;
  maxBytes: number;
}

/**
 * How a transport's request body grows with its events: each transport
 * wraps and encodes the spooled lines its own way, so each measures its own.
 */
export interface BodySize<E> {
  /** Bytes of a body that holds no event. */
  emptyBytes: number;
  /** Bytes one event adds to the body, its separator included. */
  eventBytes(event: E): number;
}

/**
 * Cuts events, in order, into batches of at most `maxEvents` events whose
 * body, as `size` measures it, stays within `maxBytes`. An event larger than
 * `maxBytes` alone still gets a batch of its own: the server's `413` then
 * decides its fate.
 *
 * @example
 * ```ts
 * import { planBatches } from "./plan_batches.ts";
 * const events = [{ bytes: 100 }, { bytes: 100 }, { bytes: 100 }];
 * const size = { emptyBytes: 13, eventBytes: (e: { bytes: number }) => e.bytes };
 * planBatches(events, size, { maxEvents: 2, maxBytes: 1_000 }).map((b) => b.length); // [2, 1]
 * ```
 */
export function planBatches<E>(
  events: readonly E[],
  size: BodySize<NoInfer<E>>,
  limits: BatchLimits = { maxEvents: MAX_BATCH_EVENTS, maxBytes: MAX_BATCH_BYTES },
): E[][] {
  const batches: E[][] = [];
  let current: E[] = [];
  let total = size.emptyBytes;
  for (const event of events) {
    const bytes = size.eventBytes(event);
    const full = current.length >= limits.maxEvents || total + bytes > limits.maxBytes;
    if (current.length > 0 && full) {
      batches.push(current);
      current = [];
      total = size.emptyBytes;
    }
    current.push(event);
    total += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
