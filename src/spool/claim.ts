/**
 * Claiming pending segments atomically, and settling a claim afterwards.
 *
 * A claim is a folder `claimed/<time>-<pid>-<random>/`; segments enter it by
 * rename, so two flushers never hold the same segment. A claim whose process
 * is gone (or that is older than `STALE_CLAIM_MS`) is taken over: its
 * segments go back to `ready/`. Open segments of writers that are gone are
 * adopted the same way, but never for their age alone: a writer may append
 * for hours. An entry that cannot be read as a segment (a directory, a FIFO,
 * a file this user may not read) counts as damaged once and is set aside in
 * `rejected/`, so it blocks nothing and is not tried again.
 *
 * @module
 */

import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { appendEvents } from "./append_events.ts";
import { makeName, type NameParts, parseName, spoolLayout } from "./layout.ts";
import { processScope } from "./process_scope.ts";
import { readSegment, type SpooledEvent } from "./read_segment.ts";

/**
 * A claim older than this is taken over even if its pid looks alive; an open
 * segment whose pid cannot be checked here is adopted once untouched this long.
 */
export const STALE_CLAIM_MS = 15 * 60_000;

/** Whether a process id belongs to a running process. */
export type IsAlive = (pid: number) => boolean;

/** An event held by a claim, with the segment it came from. */
export interface ClaimedEvent extends SpooledEvent {
  segment: string;
}

/** Segments held by one flusher until it settles them. */
export interface Claim {
  /** The claim folder. */
  dir: string;
  home: string;
  /** Names of the claimed segments, oldest first. */
  segments: string[];
  /** Their events, oldest segment first, in file order. */
  events: ClaimedEvent[];
  /** Lines that could not be read; they are dropped when the claim settles. */
  damaged: number;
}

/**
 * Whether a pid is running, by signal 0. A permission error means it runs.
 *
 * @example
 * ```ts
 * import { processIsAlive } from "./claim.ts";
 * processIsAlive(1); // true: init always runs
 * ```
 */
export function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    // Gone, or a file where a folder should be: nothing to list in it.
    const code = (error as { code?: string }).code;
    if (code === "ENOENT" || code === "ENOTDIR") return [];
    throw error;
  }
}

function moveIfPresent(from: string, to: string): boolean {
  try {
    renameSync(from, to);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return false;
    throw error;
  }
}

function claimAbandoned(name: string, now: number, isAlive: IsAlive): boolean {
  const parts = parseName(name);
  if (!parts) return false;
  return now - parts.createdMs > STALE_CLAIM_MS || !isAlive(parts.pid);
}

/**
 * Whether an open segment's writer is gone. Its pid decides when it means
 * something here (same scope); a pid of another scope cannot be checked, so
 * only a segment untouched for `STALE_CLAIM_MS` counts as left (a live writer
 * that wakes up later notices and writes on in a fresh segment); a name that
 * does not say its scope (an older client's) is judged by either.
 */
function writerGone(parts: NameParts, now: number, isAlive: IsAlive, path: string): boolean {
  if (parts.scope === processScope()) return !isAlive(parts.pid);
  const untouched = () => {
    const mtimeMs = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    return mtimeMs !== undefined && now - mtimeMs > STALE_CLAIM_MS;
  };
  if (parts.scope !== "") return untouched();
  return !isAlive(parts.pid) || untouched();
}

/**
 * Returns to `ready/` the segments of claims and open segments whose process
 * is gone, so that nothing a crashed process held stays stuck.
 *
 * @example
 * ```ts
 * import { processIsAlive, recoverAbandoned } from "./claim.ts";
 * recoverAbandoned("/tmp/jmo-home", Date.now(), processIsAlive);
 * ```
 */
export function recoverAbandoned(home: string, now: number, isAlive: IsAlive): void {
  const layout = spoolLayout(home);
  for (const claim of list(layout.claimed)) {
    if (!claimAbandoned(claim, now, isAlive)) continue;
    const dir = join(layout.claimed, claim);
    mkdirSync(layout.ready, { recursive: true, mode: 0o700 });
    for (const segment of list(dir)) moveIfPresent(join(dir, segment), join(layout.ready, segment));
    rmSync(dir, { recursive: true, force: true });
  }
  for (const segment of list(layout.open)) {
    const parts = parseName(segment);
    const path = join(layout.open, segment);
    if (!parts || !writerGone(parts, now, isAlive, path)) continue;
    mkdirSync(layout.ready, { recursive: true, mode: 0o700 });
    moveIfPresent(path, join(layout.ready, segment));
  }
}

/**
 * Claims every sealed segment (after recovering abandoned ones) and reads
 * its events. Segments another flusher claimed first are simply not in it.
 *
 * @example
 * ```ts
 * import { claimPending, processIsAlive, settleClaim } from "./claim.ts";
 * const claim = claimPending("/tmp/jmo-home", { now: Date.now(), isAlive: processIsAlive });
 * settleClaim(claim, () => true); // give everything back
 * ```
 */
export function claimPending(home: string, options: { now: number; isAlive: IsAlive }): Claim {
  const layout = spoolLayout(home);
  recoverAbandoned(home, options.now, options.isAlive);
  const dir = join(layout.claimed, makeName(options.now, process.pid));
  const claim: Claim = { dir, home, segments: [], events: [], damaged: 0 };
  const ready = list(layout.ready).filter((name) => name.endsWith(".ndjson")).sort(byCreation);
  if (ready.length === 0) return claim;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of ready) {
    if (!claimEntry(join(layout.ready, name), join(dir, name))) continue;
    const content = readSegment(join(dir, name));
    claim.damaged += content.damaged;
    if (content.unreadable) {
      setAsideEntry(join(dir, name), layout.rejected, name);
      continue;
    }
    claim.segments.push(name);
    for (const event of content.events) claim.events.push({ ...event, segment: name });
  }
  return claim;
}

/** Moves a ready entry into the claim; false when it is gone or cannot be moved (left where it is). */
function claimEntry(from: string, to: string): boolean {
  try {
    return moveIfPresent(from, to);
  } catch {
    return false;
  }
}

function setAsideEntry(path: string, rejected: string, name: string): void {
  mkdirSync(rejected, { recursive: true, mode: 0o700 });
  moveIfPresent(path, join(rejected, name));
}

function byCreation(a: string, b: string): number {
  return (parseName(a)?.createdMs ?? 0) - (parseName(b)?.createdMs ?? 0) || (a < b ? -1 : 1);
}

/**
 * Ends a claim: events for which `keep` is true go back to `ready/` (a
 * segment kept whole is renamed back untouched; a partly kept one is
 * rewritten as a new segment), all others are deleted, with the damaged lines.
 *
 * @example
 * ```ts
 * import { claimPending, processIsAlive, settleClaim } from "./claim.ts";
 * const claim = claimPending("/tmp/jmo-home", { now: Date.now(), isAlive: processIsAlive });
 * const delivered = new Set<string>();
 * settleClaim(claim, (event) => !delivered.has(event.eventId));
 * ```
 */
export function settleClaim(claim: Claim, keep: (event: ClaimedEvent) => boolean): void {
  const layout = spoolLayout(claim.home);
  const bySegment = new Map<string, ClaimedEvent[]>(claim.segments.map((s) => [s, []]));
  for (const event of claim.events) bySegment.get(event.segment)!.push(event);
  for (const [segment, events] of bySegment) {
    const path = join(claim.dir, segment);
    const kept = events.filter(keep);
    const whole = kept.length === events.length && kept.length > 0 && !hasDamage(path, kept);
    if (whole) {
      moveIfPresent(path, join(layout.ready, segment));
      continue;
    }
    if (kept.length > 0) appendEvents(claim.home, kept.map((e) => e.line));
    rmSync(path, { force: true });
  }
  rmSync(claim.dir, { recursive: true, force: true });
}

function hasDamage(path: string, kept: ClaimedEvent[]): boolean {
  const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  return size !== kept.reduce((sum, e) => sum + e.bytes, 0);
}
