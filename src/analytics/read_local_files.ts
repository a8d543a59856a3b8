/**
 * Reading events from the local disk: one NDJSON file, or a folder of them
 * (such as a clone of the Gist).
 *
 * @module
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { SourceText } from "./collected_event.ts";
import { SourceError } from "./source_error.ts";

/** Files read from a folder: NDJSON files, as the Gist transport and `--raw` write them. */
export const EVENT_FILE = /\.(jsonl|ndjson)$/;

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    throw new SourceError(`cannot read ${path} (${code}): pass an NDJSON file or a folder of them`);
  }
}

/**
 * The NDJSON texts at a path: the file itself, or every `*.jsonl` and
 * `*.ndjson` file of a folder in name order.
 *
 * @example
 * ```ts
 * import { readLocalFiles } from "./read_local_files.ts";
 * // const texts = readLocalFiles("telemetry-events.jsonl");
 * ```
 */
export function readLocalFiles(path: string): SourceText[] {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new SourceError(
      `${path} does not exist: pass an NDJSON file, a folder, a collector URL or gist:<id> with --source`,
    );
  }
  if (!isFolder) return [{ origin: path, text: readText(path) }];
  return readdirSync(path).filter((name) => EVENT_FILE.test(name)).sort().map((name) => ({
    origin: name,
    text: readText(join(path, name)),
  }));
}
