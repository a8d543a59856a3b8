/**
 * Hashing that needs no crypto module: `hash53`, for the collector's install
 * sketches and the client's remembered config choices.
 *
 * @module
 */

export { hash53 } from "./hash53.ts";
