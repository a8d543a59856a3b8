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

/** The bytes `{"events":[` and `]}` add around the events' lines. */
const WRAPPER_BYTES = '{"events":[]}'.length;

/**
 * Cuts events, in order, into batches of at most `maxEvents` events whose
 * body (`{"events":[...]}`, each event's `bytes` counting its separator)
 * stays within `maxBytes`. An event larger than `maxBytes` alone still gets a
 * batch of its own: the collector's `413` then decides its fate.
 *
 * @example
 * ```ts
 * import { planBatches } from "./plan_batches.ts";
 * const events = [{ bytes: 100 }, { bytes: 100 }, { bytes: 100 }];
 * planBatches(events, { maxEvents: 2, maxBytes: 1_000 }).map((b) => b.length); // [2, 1]
 * ```
 */
export function planBatches<E extends { bytes: number }>(
  events: readonly E[],
  limits: BatchLimits = { maxEvents: MAX_BATCH_EVENTS, maxBytes: MAX_BATCH_BYTES },
): E[][] {
  const batches: E[][] = [];
  let current: E[] = [];
  let size = WRAPPER_BYTES;
  for (const event of events) {
    const full = current.length >= limits.maxEvents || size + event.bytes > limits.maxBytes;
    if (current.length > 0 && full) {
      batches.push(current);
      current = [];
      size = WRAPPER_BYTES;
    }
    current.push(event);
    size += event.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
