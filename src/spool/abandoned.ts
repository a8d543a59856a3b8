/**
 * When a claim or an open segment counts as left behind, so that the next
 * claim takes its segments over (`claim.ts`), and which segments a claim made
 * now would take (what `status` counts as a flush would find it).
 *
 * @module
 */

import { statSync } from "node:fs";
import { join } from "node:path";
import { byCreation, type NameParts, parseName, spoolLayout } from "./layout.ts";
import { listFolder } from "./list_folder.ts";
import type { IsAlive } from "./process_is_alive.ts";
import { processScope } from "./process_scope.ts";

/**
 * A claim idle this long (by its folder's time) is taken over even if its
 * pid looks alive; an open segment whose pid cannot be checked here is
 * adopted once untouched this long.
 */
export const STALE_CLAIM_MS = 15 * 60_000;

/** Whether an entry's file-system time is more than `STALE_CLAIM_MS` before `now`. */
function untouchedFor(path: string, now: number): boolean {
  const mtimeMs = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
  return mtimeMs !== undefined && now - mtimeMs > STALE_CLAIM_MS;
}

/**
 * Whether a claim's flusher is gone: its pid is dead in this pid namespace,
 * or its folder saw no activity for `STALE_CLAIM_MS` (a pid reused, a
 * flusher of another namespace, a name without scope from an older client).
 *
 * @example
 * ```ts
 * import { claimAbandoned } from "./abandoned.ts";
 * import { parseName } from "./layout.ts";
 * const name = "1764000000000-999999-abcd1234";
 * claimAbandoned(parseName(name)!, Date.now(), () => false, `/tmp/jmo-home/spool/claimed/${name}`); // true
 * ```
 */
export function claimAbandoned(
  parts: NameParts,
  now: number,
  isAlive: IsAlive,
  path: string,
): boolean {
  const checkable = parts.scope === processScope() || parts.scope === "";
  return (checkable && !isAlive(parts.pid)) || untouchedFor(path, now);
}

/**
 * Whether an open segment's writer is gone. Its pid decides when it means
 * something here (same scope); a pid of another scope cannot be checked, so
 * only a segment untouched for `STALE_CLAIM_MS` counts as left (a live writer
 * that wakes up later notices and writes on in a fresh segment); a name that
 * does not say its scope (an older client's) is judged by either.
 *
 * @example
 * ```ts
 * import { writerGone } from "./abandoned.ts";
 * import { parseName } from "./layout.ts";
 * const name = "1764000000000-999999-abcd1234.ndjson";
 * writerGone(parseName(name)!, Date.now(), () => false, `/tmp/jmo-home/spool/open/${name}`); // true
 * ```
 */
export function writerGone(parts: NameParts, now: number, isAlive: IsAlive, path: string): boolean {
  if (parts.scope === processScope()) return !isAlive(parts.pid);
  if (parts.scope !== "") return untouchedFor(path, now);
  return !isAlive(parts.pid) || untouchedFor(path, now);
}

/**
 * The segments a claim made at `now` would take, oldest first (as it would
 * read them): those in `ready/`, the open segments of writers that are gone
 * and the segments of abandoned claims. Reads only.
 *
 * @example
 * ```ts
 * import { claimableSegments } from "./abandoned.ts";
 * import { processIsAlive } from "./process_is_alive.ts";
 * claimableSegments("/tmp/jmo-home", Date.now(), processIsAlive); // [] for an empty spool
 * ```
 */
export function claimableSegments(home: string, now: number, isAlive: IsAlive): string[] {
  const layout = spoolLayout(home);
  const paths = new Map<string, string>();
  for (const claim of listFolder(layout.claimed)) {
    const parts = parseName(claim);
    const dir = join(layout.claimed, claim);
    if (!parts || !claimAbandoned(parts, now, isAlive, dir)) continue;
    for (const name of listFolder(dir)) paths.set(name, join(dir, name));
  }
  for (const name of listFolder(layout.open)) {
    const parts = parseName(name);
    const path = join(layout.open, name);
    if (parts && writerGone(parts, now, isAlive, path)) paths.set(name, path);
  }
  for (const name of listFolder(layout.ready)) paths.set(name, join(layout.ready, name));
  return [...paths.keys()].filter((name) => name.endsWith(".ndjson")).sort(byCreation)
    .map((name) => paths.get(name)!);
}
