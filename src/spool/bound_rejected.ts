/**
 * Keeping `rejected/` (batches the server refused, set aside) bounded by the
 * same age limit as the spool and by its own size cap.
 *
 * @module
 */

import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { readRegularFile } from "../fs/mod.ts";
import { parseName, spoolLayout } from "./layout.ts";
import { planRetention } from "./plan_retention.ts";

/** `rejected/` holds at most 1 MiB of refused batches; past it the oldest files go first. */
export const MAX_REJECTED_BYTES = 1024 * 1024;

/** An entry of `rejected/` (a refused batch, or an entry set aside as unreadable), as retention weighs it. */
interface RejectedFile {
  path: string;
  createdMs: number;
  bytes: number;
}

function rejectedFiles(home: string): RejectedFile[] {
  const dir = spoolLayout(home).rejected;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: RejectedFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) continue;
    const bytes = stat.isFile() ? stat.size : 0;
    files.push({ path, createdMs: parseName(name)?.createdMs ?? stat.mtimeMs, bytes });
  }
  return files;
}

function eventCount(path: string): number {
  try {
    return readRegularFile(path).split("\n").filter((line) => line.trim() !== "").length;
  } catch {
    return 0;
  }
}

/**
 * Deletes the entries of `rejected/` set aside more than `maxAgeMs` ago, then
 * the oldest until the rest fits `maxBytes` (default `MAX_REJECTED_BYTES`).
 * Returns how many events the deleted files held, for `state.json`.
 *
 * @example
 * ```ts
 * import { boundRejected } from "./bound_rejected.ts";
 * boundRejected("/tmp/jmo-home", { now: Date.now(), maxAgeMs: 30 * 86_400_000 }); // 0
 * ```
 */
export function boundRejected(
  home: string,
  options: { now: number; maxAgeMs: number; maxBytes?: number },
): number {
  const files = rejectedFiles(home);
  if (files.length === 0) return 0;
  // A set-aside file weighs as one spooled event would: its time and its size.
  const plan = planRetention(
    files.map((f) => ({ eventId: f.path, timestampMs: f.createdMs, bytes: f.bytes })),
    options.now,
    { maxAgeMs: options.maxAgeMs, maxBytes: options.maxBytes ?? MAX_REJECTED_BYTES },
  );
  let deleted = 0;
  for (const path of [...plan.expired, ...plan.overCap]) {
    deleted += eventCount(path);
    rmSync(path, { recursive: true, force: true });
  }
  return deleted;
}
