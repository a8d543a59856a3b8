/**
 * Claiming pending segments atomically, and settling a claim afterwards.
 *
 * A claim is a folder `claimed/<time>-<pid>@<scope>-<random>/`; segments
 * enter it by rename, so two flushers never hold the same segment. A claim
 * whose process is gone (its pid checked only in its own pid namespace), or
 * that saw no activity for `STALE_CLAIM_MS` by the file system's times (never
 * by the time in its name: a flusher's clock may be wrong), is taken over:
 * its segments go back to `ready/` one by one, and the folder is removed only
 * if it is then empty, so a segment its owner is still moving in is never
 * deleted unread. An owner whose claim was taken over sends nothing more and
 * leaves its segments where the taker put them. Open segments of writers
 * that are gone are adopted the same way, but never for their age alone: a
 * writer may append for hours. An entry that cannot be read as a segment (a
 * directory, a FIFO, a file this user may not read) counts as damaged once
 * and is set aside in `rejected/`, so it blocks nothing and is not tried
 * again; a line that parses but fails the caller's check is set aside alone.
 *
 * @module
 */

import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { appendEvents } from "./append_events.ts";
import { claimAbandoned, writerGone } from "./abandoned.ts";
import { byCreation, makeName, parseName, spoolLayout } from "./layout.ts";
import type { IsAlive } from "./process_is_alive.ts";
import { processScope } from "./process_scope.ts";
import { readSegment, type SpooledEvent } from "./read_segment.ts";
import { setAside } from "./set_aside.ts";

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
  /** Lines that parsed but failed the check, each with why: set aside in `rejected/`. */
  invalid: InvalidLine[];
}

/** A spooled line that parses but is no valid event, and why. */
export interface InvalidLine {
  line: string;
  reason: string;
}

/** Why a parsed line is not a valid event, or `undefined` when it is one. */
export type LineCheck = (value: unknown) => string | undefined;

/** How to claim: the clock, who is alive, and the check each line must pass. */
export interface ClaimOptions {
  now: number;
  isAlive: IsAlive;
  /** Lines failing it are set aside alone, with the reason (default: every line passes). */
  check?: LineCheck;
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

/**
 * Gives a claim's segments back to `ready/` one by one, then removes its
 * folder only if that left it empty: a segment its owner moved in meanwhile
 * stays, for the next pass. Never deletes a segment.
 */
function releaseClaimFolder(dir: string, ready: string): void {
  for (const segment of list(dir).filter((name) => name.endsWith(".ndjson"))) {
    moveIfPresent(join(dir, segment), join(ready, segment));
  }
  try {
    rmdirSync(dir);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== "ENOENT" && code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
  }
}

/**
 * Returns to `ready/` the segments of claims and open segments whose process
 * is gone, so that nothing a crashed process held stays stuck.
 *
 * @example
 * ```ts
 * import { recoverAbandoned } from "./claim.ts";
 * import { processIsAlive } from "./process_is_alive.ts";
 * recoverAbandoned("/tmp/jmo-home", Date.now(), processIsAlive);
 * ```
 */
export function recoverAbandoned(home: string, now: number, isAlive: IsAlive): void {
  const layout = spoolLayout(home);
  for (const claim of list(layout.claimed)) {
    const parts = parseName(claim);
    const dir = join(layout.claimed, claim);
    if (!parts || !claimAbandoned(parts, now, isAlive, dir)) continue;
    mkdirSync(layout.ready, { recursive: true, mode: 0o700 });
    releaseClaimFolder(dir, layout.ready);
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
 * import { claimPending, settleClaim } from "./claim.ts";
 * import { processIsAlive } from "./process_is_alive.ts";
 * const claim = claimPending("/tmp/jmo-home", { now: Date.now(), isAlive: processIsAlive });
 * settleClaim(claim, () => true); // give everything back
 * ```
 */
export function claimPending(home: string, options: ClaimOptions): Claim {
  const layout = spoolLayout(home);
  recoverAbandoned(home, options.now, options.isAlive);
  const dir = join(layout.claimed, makeName(options.now, process.pid, "", processScope()));
  const claim: Claim = { dir, home, segments: [], events: [], damaged: 0, invalid: [] };
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
    for (const event of content.events) {
      const reason = options.check?.(event.value);
      if (reason === undefined) claim.events.push({ ...event, segment: name });
      else claim.invalid.push({ line: event.line, reason });
    }
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

/**
 * Ends a claim: events for which `keep` is true go back to `ready/` (a
 * segment kept whole is renamed back untouched; a partly kept one is
 * rewritten as a new segment), all others are deleted, with the damaged lines.
 *
 * @example
 * ```ts
 * import { claimPending, settleClaim } from "./claim.ts";
 * import { processIsAlive } from "./process_is_alive.ts";
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
    if (kept.length > 0 && !rewrite(claim.home, kept)) {
      // No room to write the kept part apart (a full disk): the segment goes
      // back whole, and what was delivered of it may go again (the collector
      // keeps each event once).
      moveIfPresent(path, join(layout.ready, segment));
      continue;
    }
    rmSync(path, { force: true });
  }
  if (claim.invalid.length > 0) setAside(claim.home, claim.invalid.map((i) => i.line), Date.now());
  releaseClaimFolder(claim.dir, layout.ready);
}

/** Writes kept events as a new sealed segment; false when the disk refused. */
function rewrite(home: string, kept: ClaimedEvent[]): boolean {
  try {
    appendEvents(home, kept.map((e) => e.line));
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === undefined) throw error;
    return false;
  }
}

function hasDamage(path: string, kept: ClaimedEvent[]): boolean {
  const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  return size !== kept.reduce((sum, e) => sum + e.bytes, 0);
}
