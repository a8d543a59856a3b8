/**
 * The client's own version, kept equal to `deno.json` (a test checks it).
 *
 * @module
 */

/**
 * The version of this client.
 *
 * @example
 * ```ts
 * import { VERSION } from "@jmo/telemetry";
 * VERSION; // "0.1.0"
 * ```
 */
export const VERSION = "0.1.0";
