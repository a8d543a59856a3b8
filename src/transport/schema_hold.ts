/**
 * Schema versions on the wire: a collector is sent only events of the
 * versions it announced, and events it refused only for being of a newer
 * version wait in the spool instead of being set aside. Pure.
 *
 * @module
 */

import type { Verdict } from "./classify_response.ts";

/** A collector that announces nothing is an older one: it knows schema 1 only. */
export const UNANNOUNCED_SCHEMAS: readonly number[] = [1];

/**
 * Whether an event must wait for the collector: its schema version is newer
 * than every version the collector accepts.
 *
 * @example
 * ```ts
 * import { isTooNew } from "./schema_hold.ts";
 * isTooNew({ schema: 2 }, [1]); // true
 * isTooNew({ schema: 1 }, [1, 2]); // false
 * ```
 */
export function isTooNew(event: { schema: number }, accepts: readonly number[]): boolean {
  return event.schema > Math.max(...accepts);
}

/**
 * The versions a collector accepts, when its `400` refused events only for
 * being of newer versions: every refused event (by its position in `batch`)
 * is of a version above all of the answer's `schemas` (or, when it names
 * none, above schema 1). `undefined` when the refusal is about something
 * else, and the batch is set aside as before.
 *
 * @example
 * ```ts
 * import { schemaRefusal } from "./schema_hold.ts";
 * const refused = [{ index: 1, reason: "schema: must be 1" }];
 * schemaRefusal([{ schema: 1 }, { schema: 2 }], { kind: "rejected", detail: "HTTP 400", refused });
 * // [1]
 * schemaRefusal([{ schema: 1 }, { schema: 1 }], { kind: "rejected", detail: "HTTP 400", refused });
 * // undefined
 * ```
 */
export function schemaRefusal(
  batch: readonly { schema: number }[],
  verdict: Verdict,
): readonly number[] | undefined {
  if (verdict.kind !== "rejected" || verdict.refused === undefined) return undefined;
  const accepts = verdict.schemas ?? UNANNOUNCED_SCHEMAS;
  const tooNew = verdict.refused.every(({ index }) =>
    index < batch.length && isTooNew(batch[index], accepts)
  );
  return tooNew ? accepts : undefined;
}

/**
 * Why events wait: their versions, and those the collector accepts.
 *
 * @example
 * ```ts
 * import { describeHeld } from "./schema_hold.ts";
 * describeHeld([{ schema: 2 }, { schema: 2 }], [1]);
 * // "2 events of schema 2 wait in the spool until the collector accepts that version (it accepts 1)"
 * ```
 */
export function describeHeld(held: readonly { schema: number }[], accepts: readonly number[]) {
  const versions = [...new Set(held.map((e) => e.schema))].sort((a, b) => a - b);
  return `${held.length} event${held.length === 1 ? "" : "s"} of schema ${
    versions.join(", ")
  } wait in the spool until the collector accepts ${
    versions.length === 1 ? "that version" : "those versions"
  } (it accepts ${accepts.join(", ")})`;
}
