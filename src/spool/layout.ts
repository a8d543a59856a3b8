/**
 * Where the spool keeps its files, and how segment names are made and read.
 *
 * A segment is a file of NDJSON lines, one event each. Writers build it in
 * `open/` and seal it by renaming it into `ready/`; a flusher claims sealed
 * segments by renaming them into `claimed/<claim id>/`; batches the collector
 * refused are moved aside into `rejected/` (kept at most the maximum age and
 * 1 MiB, oldest deleted first).
 *
 * @module
 */

import { join } from "node:path";

/** The spool's folders. */
export interface SpoolLayout {
  root: string;
  open: string;
  ready: string;
  claimed: string;
  rejected: string;
}

/**
 * The spool folders under a state directory.
 *
 * @example
 * ```ts
 * import { spoolLayout } from "./layout.ts";
 * spoolLayout("/home/ada/.jmo-security").ready; // "/home/ada/.jmo-security/spool/ready"
 * ```
 */
export function spoolLayout(home: string): SpoolLayout {
  const root = join(home, "spool");
  return {
    root,
    open: join(root, "open"),
    ready: join(root, "ready"),
    claimed: join(root, "claimed"),
    rejected: join(root, "rejected"),
  };
}

/** What a segment's or claim's name says about who made it and when. */
export interface NameParts {
  createdMs: number;
  pid: number;
  /** Where the pid means something (see `processScope`); `""` when the name does not say. */
  scope: string;
}

function randomPart(): string {
  return crypto.randomUUID().slice(0, 8);
}

/**
 * A new, unique segment or claim name: creation time, writer pid (with the
 * scope it belongs to, when given), random part.
 *
 * @example
 * ```ts
 * import { makeName } from "./layout.ts";
 * makeName(1_700_000_000_000, 42, ".ndjson"); // "1700000000000-42-1a2b3c4d.ndjson"
 * makeName(1_700_000_000_000, 42, ".ndjson", "9c3e41d0"); // "1700000000000-42@9c3e41d0-1a2b3c4d.ndjson"
 * ```
 */
export function makeName(createdMs: number, pid: number, suffix = "", scope = ""): string {
  return `${createdMs}-${pid}${scope ? `@${scope}` : ""}-${randomPart()}${suffix}`;
}

/**
 * Reads the creation time, pid and scope back from a name made by
 * `makeName`; `undefined` for a name of another form.
 *
 * @example
 * ```ts
 * import { parseName } from "./layout.ts";
 * parseName("1700000000000-42-1a2b3c4d.ndjson"); // { createdMs: 1700000000000, pid: 42, scope: "" }
 * ```
 */
export function parseName(name: string): NameParts | undefined {
  const m = /^(\d{1,15})-(\d{1,10})(?:@([0-9a-f]{8}))?-[0-9a-f]{8}(?:\.ndjson)?$/.exec(name);
  if (!m) return undefined;
  return { createdMs: Number(m[1]), pid: Number(m[2]), scope: m[3] ?? "" };
}

/**
 * Orders names made by `makeName` by creation time, then by name: the order
 * in which segments are read and sent.
 *
 * @example
 * ```ts
 * import { byCreation } from "./layout.ts";
 * ["2000-1-1a2b3c4d.ndjson", "1000-1-1a2b3c4d.ndjson"].sort(byCreation)[0]; // "1000-1-1a2b3c4d.ndjson"
 * ```
 */
export function byCreation(a: string, b: string): number {
  return (parseName(a)?.createdMs ?? 0) - (parseName(b)?.createdMs ?? 0) || (a < b ? -1 : 1);
}
