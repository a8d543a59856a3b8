/**
 * How the spool's limits apply to an install: the same for `status`, which
 * counts what they would drop, and for `show` and the binary's `status`,
 * which drop it.
 *
 * @module
 */

import { envelopeProblem } from "../events/envelope_problem.ts";
import {
  type IsAlive,
  type LineCheck,
  MAX_SPOOL_BYTES,
  processIsAlive,
  type RetentionLimits,
} from "../spool/mod.ts";
import type { ClientCore } from "./client_core.ts";

/**
 * The clock, the liveness check, the limits (`JMO_TELEMETRY_MAX_AGE_DAYS`,
 * 5 MiB) and the line check a retention pass of `core`'s install uses.
 *
 * @example
 * ```ts
 * import { clientCore } from "./client_core.ts";
 * import { retentionOptions } from "./retention_options.ts";
 * retentionOptions(clientCore()).limits.maxBytes; // 5_242_880
 * ```
 */
export function retentionOptions(
  core: ClientCore,
): { now: number; isAlive: IsAlive; limits: RetentionLimits; check: LineCheck } {
  return {
    now: core.now().getTime(),
    isAlive: processIsAlive,
    limits: { maxAgeMs: core.settings.maxAgeMs, maxBytes: MAX_SPOOL_BYTES },
    check: envelopeProblem,
  };
}
