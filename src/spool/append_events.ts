/**
 * Writing events into the spool as one sealed segment.
 *
 * @module
 */

import { SpoolWriter } from "./spool_writer.ts";

/**
 * Writes events as one sealed segment: the way a short-lived `track` process
 * records its event. The segment appears in `ready/` complete or not at all.
 * `afterSeal` runs once it is sealed.
 *
 * @example
 * ```ts
 * import { appendEvents } from "./append_events.ts";
 * appendEvents("/tmp/jmo-home", ['{"event":"scan.started"}']);
 * ```
 */
export function appendEvents(
  home: string,
  lines: string[],
  options: { afterSeal?: () => void } = {},
): void {
  const writer = new SpoolWriter(home, options);
  for (const line of lines) writer.append(line);
  writer.seal();
}
