/**
 * Keeping the spool within its cap as segments are sealed: cheap enough to
 * run after every seal, because whole segments go, oldest first, without
 * parsing a line.
 *
 * @module
 */

import { mkdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { MAX_SEGMENT_BYTES } from "./spool_writer.ts";
import { spoolOverCap } from "./inspect_spool.ts";
import { makeName, parseName, spoolLayout } from "./layout.ts";
import { listFolder } from "./list_folder.ts";
import { processScope } from "./process_scope.ts";

function sizeOf(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
}

function linesIn(path: string): number {
  const text = readFileSync(path, "utf8");
  return text.split("\n").filter((line) => line.trim() !== "").length;
}

/**
 * When the pending segments (sealed, open, claimed) take more than
 * `maxBytes`, claims the oldest sealed segments one by one and deletes them
 * until the spool takes at most `maxBytes` less one segment (room for a
 * writer's open one). Returns how many events (lines) it dropped, for the
 * caller to count as over the cap; 0 when the spool fits.
 *
 * @example
 * ```ts
 * import { trimToCap } from "./trim_to_cap.ts";
 * trimToCap("/tmp/jmo-home", 5 * 1024 * 1024); // 0 on a fresh install
 * ```
 */
export function trimToCap(home: string, maxBytes: number, now = Date.now()): number {
  if (!spoolOverCap(home, maxBytes)) return 0;
  const layout = spoolLayout(home);
  const claimed = listFolder(layout.claimed).flatMap((claim) =>
    listFolder(join(layout.claimed, claim)).map((name) => join(layout.claimed, claim, name))
  );
  const ready = listFolder(layout.ready).filter((name) => name.endsWith(".ndjson"))
    .map((name) => ({ name, createdMs: parseName(name)?.createdMs ?? 0 }))
    .sort((a, b) => a.createdMs - b.createdMs || (a.name < b.name ? -1 : 1));
  const paths = [
    ...ready.map((s) => join(layout.ready, s.name)),
    ...listFolder(layout.open).map((name) => join(layout.open, name)),
    ...claimed,
  ];
  let total = paths.reduce((sum, path) => sum + sizeOf(path), 0);
  const target = maxBytes - MAX_SEGMENT_BYTES;
  const dir = join(layout.claimed, makeName(now, process.pid, "", processScope()));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let dropped = 0;
  try {
    for (const { name } of ready) {
      if (total <= target) break;
      const taken = join(dir, name);
      try {
        renameSync(join(layout.ready, name), taken);
      } catch {
        continue; // a flusher claimed it first
      }
      total -= sizeOf(taken);
      dropped += linesIn(taken);
      unlinkSync(taken);
    }
  } finally {
    rmdirSync(dir);
  }
  return dropped;
}
