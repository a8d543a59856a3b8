/**
 * The publication rule of the public stats: coarse, consistent cells. Each
 * published count is the true count plus a secret offset, rounded down to a
 * step (installs to 5, events to 10); the offset is drawn per cell and per
 * day of release from a keyed hash, so it is the same however often the day's
 * release is read, and a group is shown only when its published installs
 * reach 10. Why this reveals nothing exact about one install is written down
 * in the README ("What the public numbers can reveal").
 *
 * @module
 */

/** Published installs are multiples of this. */
export const INSTALLS_STEP = 5;
/** Published events are multiples of this. */
export const EVENTS_STEP = 10;
/** A group is published only when its published installs reach this. */
export const MIN_PUBLISHED_INSTALLS = 10;

/** A group's true counts. */
export interface TrueCount {
  key: string;
  events: number;
  installs: number;
}

/** A group as published. */
export interface PublishedCount {
  key: string;
  events: number;
  installs: number;
}

/** The keyed hash of one cell's offset, as a whole number below `step`. */
async function offset(key: CryptoKey, cell: string, step: number): Promise<number> {
  const mac = new Uint8Array(
    await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(cell)),
  );
  return new DataView(mac.buffer).getUint32(0) % step;
}

/** `count + offset`, rounded down to a multiple of `step`. */
function coarse(count: number, shift: number, step: number): number {
  return Math.floor((count + shift) / step) * step;
}

/**
 * The HMAC key that draws the offsets, from the collector's secret.
 *
 * @example
 * ```ts
 * import { offsetKey } from "./coarse_counts.ts";
 * const key = await offsetKey("a secret kept in the database");
 * ```
 */
export async function offsetKey(secret: string): Promise<CryptoKey> {
  return await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
}

/**
 * The published groups of one dimension on one day of release: each count
 * offset and rounded down to its step, and only groups whose published
 * installs reach `MIN_PUBLISHED_INSTALLS`.
 *
 * @example
 * ```ts
 * import { coarseCounts, offsetKey } from "./coarse_counts.ts";
 * const key = await offsetKey("secret");
 * await coarseCounts([{ key: "Linux", events: 123, installs: 47 }], key, "2026-12-06", "platforms");
 * // [{ key: "Linux", events: 120 or 130, installs: 45 or 50 }]
 * ```
 */
export async function coarseCounts(
  groups: readonly TrueCount[],
  key: CryptoKey,
  day: string,
  dimension: string,
): Promise<PublishedCount[]> {
  const published: PublishedCount[] = [];
  for (const group of groups) {
    const cell = `${day}\n${dimension}\n${group.key}`;
    const installs = coarse(
      group.installs,
      await offset(key, `${cell}\ninstalls`, INSTALLS_STEP),
      INSTALLS_STEP,
    );
    if (installs < MIN_PUBLISHED_INSTALLS) continue;
    const events = coarse(
      group.events,
      await offset(key, `${cell}\nevents`, EVENTS_STEP),
      EVENTS_STEP,
    );
    published.push({ key: group.key, events, installs });
  }
  return published;
}
