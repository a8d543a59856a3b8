/**
 * Finding and awaiting the detached flushers a test's `track` started. They
 * are nobody's children any more, so they are found by an environment
 * variable the test gave them, in `/proc` (Linux).
 *
 * @module
 */

import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** A live process: its id and where its standard streams point. */
export interface LiveProcess {
  pid: number;
  /** The targets of file descriptors 0, 1 and 2 (`/dev/null` when closed to the void). */
  stdio: string[];
}

/**
 * The live processes whose environment holds `name=value`.
 *
 * @example
 * ```ts
 * import { processesWithEnv } from "./background_processes.ts";
 * processesWithEnv("JMO_TEST_RUN", "3f2c..."); // [] when none runs
 * ```
 */
export function processesWithEnv(name: string, value: string): LiveProcess[] {
  const wanted = `${name}=${value}`;
  const found: LiveProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (!environ.includes(wanted)) continue;
      if (readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.startsWith("Z")) continue;
      const stdio = [0, 1, 2].map((fd) => {
        try {
          return readlinkSync(`/proc/${entry}/fd/${fd}`);
        } catch {
          return "closed";
        }
      });
      found.push({ pid: Number(entry), stdio });
    } catch { /* it ended while we looked, or is not ours */ }
  }
  return found;
}

/**
 * Polls `condition` every 20 ms until it holds. Not a timing assertion:
 * the limit only keeps a broken build from hanging the suite.
 *
 * @example
 * ```ts
 * import { waitUntil } from "./background_processes.ts";
 * await waitUntil(() => server.requests.length > 0, "the background flush to reach the server");
 * ```
 */
export async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 60_000) throw new Error(`gave up after 60 s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
