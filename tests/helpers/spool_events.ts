/**
 * Filling a sandbox's spool through the library, which (unlike `track`)
 * never starts a background flush: the test decides when delivery happens.
 *
 * @module
 */

import { createClient } from "../../src/mod.ts";

/**
 * Records `count` valid `tool.failed` events in the install under `homedir`
 * and returns their event ids. `now` dates them (default: now).
 *
 * @example
 * ```ts
 * import { spoolEvents } from "./spool_events.ts";
 * const ids = spoolEvents(box.home, 10);
 * ```
 */
export function spoolEvents(homedir: string, count: number, now?: () => Date): string[] {
  const client = createClient({ env: { DOCKER_CONTAINER: "0" }, homedir, cwd: homedir, now });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const result = client.track("tool.failed", {
      tool: "trivy",
      failure_type: "timeout",
      exit_code: null,
      profile: "balanced",
    });
    ids.push(result.envelope!.event_id);
  }
  client.close();
  return ids;
}
