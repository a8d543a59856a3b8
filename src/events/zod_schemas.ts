/**
 * The zod schemas of schemas 1 and 2, generated from the one definition, for users
 * of the library who compose schemas and for the test that proves the fast
 * checker and zod agree. Not on `track`'s path: loading zod costs more than
 * the rest of `track` together.
 *
 * @module
 */

import { z } from "zod";
import { envelopeFieldsOf, METADATA_FIELDS, METADATA_FIELDS_BY_SCHEMA } from "./definitions.ts";
import { isUtcSecond } from "./is_utc_second.ts";
import type { FieldSpec, ObjectFields } from "./field_spec.ts";
import type { Envelope, MetadataOf } from "./types.ts";
import { EVENT_NAMES, type EventName, SCHEMA_VERSIONS } from "./vocabulary.ts";

function ruleToZod(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case "enum":
      return z.enum(spec.values as [string, ...string[]]);
    case "int":
      return z.int().min(spec.min).max(spec.max);
    case "string":
      return z.string().regex(spec.pattern, spec.hint);
    case "boolean":
      return z.boolean();
    case "literal":
      return z.literal(spec.value);
    case "timestamp":
      return z.string().refine(isUtcSecond, "must be UTC to the second, a real date");
    case "array":
      return z.array(fieldToZod(spec.items)).max(spec.maxItems);
    case "object":
      return objectToZod(spec.fields);
  }
}

function fieldToZod(spec: FieldSpec): z.ZodType {
  let schema = ruleToZod(spec);
  if (spec.nullable) schema = schema.nullable();
  if (spec.optional) schema = schema.optional();
  return schema;
}

function objectToZod(fields: ObjectFields) {
  return z.strictObject(
    Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, fieldToZod(s)])),
  );
}

/** The zod schema of each event's metadata, in schema 2 (strict: nothing is normalised). */
export const METADATA_SCHEMAS: { readonly [K in EventName]: z.ZodType<MetadataOf[K]> } = Object
  .fromEntries(
    EVENT_NAMES.map((name) => [name, objectToZod(METADATA_FIELDS[name])]),
  ) as unknown as { readonly [K in EventName]: z.ZodType<MetadataOf[K]> };

/** The zod schema of a whole event of schema 1 or 2, as spooled, sent and stored. */
export const envelopeSchema: z.ZodType<Envelope> = z.discriminatedUnion(
  "schema",
  SCHEMA_VERSIONS.map((schema) =>
    z.discriminatedUnion(
      "event",
      Object.keys(METADATA_FIELDS_BY_SCHEMA[schema]).map((name) =>
        objectToZod({
          ...envelopeFieldsOf(name as EventName, schema),
          event: { type: "literal", value: name },
        })
      ) as unknown as [z.ZodObject, ...z.ZodObject[]],
    )
  ) as unknown as [z.ZodDiscriminatedUnion, ...z.ZodDiscriminatedUnion[]],
) as unknown as z.ZodType<Envelope>;
