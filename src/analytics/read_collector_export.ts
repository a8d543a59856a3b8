/**
 * Reading the collector's `/v1/export`.
 *
 * @module
 */

import type { SourceText } from "./collected_event.ts";
import { fetchText } from "./fetch_text.ts";
import { SourceError } from "./source_error.ts";
import type { SourceIo } from "./source_io.ts";

/**
 * Every event the collector stores, as the NDJSON of its `/v1/export`, read
 * with the admin token (`Authorization: Bearer …`).
 *
 * @example
 * ```ts
 * import { readCollectorExport } from "./read_collector_export.ts";
 * const io = { fetch, timeoutMs: 60_000, readStdin: () => Promise.resolve(""), warn: () => {} };
 * // const [text] = await readCollectorExport("http://127.0.0.1:8787/v1/export", "secret", io);
 * ```
 */
export async function readCollectorExport(
  exportUrl: string,
  token: string | undefined,
  io: SourceIo,
): Promise<SourceText[]> {
  if (token === undefined) {
    throw new SourceError(
      `reading ${exportUrl} needs the collector's admin token: set JMO_TELEMETRY_ADMIN_TOKEN ` +
        "(or pass a file or gist:<id> with --source)",
    );
  }
  const answer = await fetchText(exportUrl, {
    accept: "application/x-ndjson",
    authorization: `Bearer ${token}`,
  }, io);
  if (answer.status === 401) {
    throw new SourceError(
      `${exportUrl} refused the admin token (401): set JMO_TELEMETRY_ADMIN_TOKEN to the collector's ADMIN_TOKEN`,
    );
  }
  if (answer.status !== 200) {
    throw new SourceError(
      `${exportUrl} answered ${answer.status}: check that --source names a jmo-telemetry collector`,
    );
  }
  return [{ origin: exportUrl, text: answer.text }];
}
