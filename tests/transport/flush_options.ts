/**
 * Options of an in-process flush for transport tests: real clock, real
 * fetch, this process as the flusher, a fixed jitter.
 *
 * @module
 */

import type { TransportSettings } from "../../src/settings/mod.ts";
import { processIsAlive } from "../../src/spool/mod.ts";
import type { FlushOptions } from "../../src/transport/mod.ts";

/**
 * Flush options for the install at `home`, sending through `transport`.
 *
 * @example
 * ```ts
 * import { flushOptions } from "./flush_options.ts";
 * flushOptions("/tmp/jmo-home", { kind: "collector", endpoint: "http://127.0.0.1:8787/v1/events" });
 * ```
 */
export function flushOptions(
  home: string,
  transport: TransportSettings,
  extra: Partial<FlushOptions> = {},
): FlushOptions {
  return {
    home,
    transport,
    timeoutMs: 2_000,
    maxAgeMs: 30 * 86_400_000,
    debug: false,
    background: false,
    now: () => new Date(),
    random: () => 0.5,
    fetch: (input, init) => fetch(input, init),
    isAlive: processIsAlive,
    pid: Deno.pid,
    ...extra,
  };
}
