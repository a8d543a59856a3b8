/**
 * Which event schemas this collector accepts and announces.
 *
 * @module
 */

import { SCHEMA_VERSIONS } from "../../src/events/mod.ts";

/**
 * The schema versions the collector accepts: every version of the event
 * definition it was built with, or the subset `ACCEPTED_SCHEMAS` names
 * (a comma-separated list, as `1`: a maintainer holding a deployment to the
 * schemas its readers know). Unknown or garbled entries are ignored; a list
 * that names no known version gives every version.
 *
 * @example
 * ```ts
 * import { acceptedSchemas } from "./accepted_schemas.ts";
 * acceptedSchemas({}); // [1, 2]
 * acceptedSchemas({ ACCEPTED_SCHEMAS: "1" }); // [1]
 * ```
 */
export function acceptedSchemas(env: { ACCEPTED_SCHEMAS?: string }): number[] {
  const named = (env.ACCEPTED_SCHEMAS ?? "").split(",").map((part) => Number(part.trim()));
  const known = SCHEMA_VERSIONS.filter((version) => named.includes(version));
  return known.length > 0 ? known : [...SCHEMA_VERSIONS];
}
