/**
 * Reading any source into a collection.
 *
 * @module
 */

import type { Collection } from "./collected_event.ts";
import { collectEvents } from "./collect_events.ts";
import type { EventSource } from "./event_source.ts";
import { readCollectorExport } from "./read_collector_export.ts";
import { readGistFiles } from "./read_gist_files.ts";
import { readLocalFiles } from "./read_local_files.ts";
import type { SourceIo } from "./source_io.ts";

/**
 * Reads a source and collects its valid events, each once. Throws a
 * `SourceError` when the source itself cannot be read; bad lines inside it
 * are only counted; a source read only in part says so in `partial`.
 *
 * @example
 * ```ts
 * import { readSource } from "@jmo/telemetry/analytics";
 * const io = { fetch, timeoutMs: 60_000, readStdin: () => Promise.resolve(""), warn: () => {} };
 * const collection = await readSource({ kind: "stdin" }, io);
 * collection.events.length; // 0
 * ```
 */
export async function readSource(source: EventSource, io: SourceIo): Promise<Collection> {
  switch (source.kind) {
    case "collector":
      return collectEvents(await readCollectorExport(source.exportUrl, source.token, io));
    case "gist": {
      const { texts, partial } = await readGistFiles(source, io);
      return { ...collectEvents(texts), ...(partial === undefined ? {} : { partial }) };
    }
    case "path":
      return collectEvents(readLocalFiles(source.path));
    case "stdin":
      return collectEvents([{ origin: "standard input", text: await io.readStdin() }]);
  }
}
