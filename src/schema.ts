/**
 * The zod schemas of every event, for hosts that compose schemas of their
 * own (`jmo-telemetry/schema` on npm, `@jmo/telemetry/schema` on JSR). They
 * are generated from the same definition as the checker `track` uses, and
 * the collector validates every event with both. zod is an optional peer of
 * the npm package: install it to use this entry; the client entry never
 * loads it.
 *
 * ```ts
 * import { envelopeSchema } from "jmo-telemetry/schema";
 *
 * const parsed = envelopeSchema.safeParse({ event: "scan.started" });
 * parsed.success; // false: the envelope's other fields are missing
 * ```
 *
 * @module
 */

export { envelopeSchema, METADATA_SCHEMAS } from "./events/zod_schemas.ts";
export type { Envelope, EventName, MetadataOf } from "./events/mod.ts";
export type { ZodType } from "zod";
