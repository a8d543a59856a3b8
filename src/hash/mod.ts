/**
 * Hashing that needs no crypto module: `hash53`, for the collector's install
 * sketches and the client's remembered config choices; `sha256` and
 * `hmacSha256`, synchronous, for the keyed offsets of published counts.
 *
 * @module
 */

export { hash53 } from "./hash53.ts";
export { hmacSha256, sha256 } from "./sha256.ts";
