/**
 * The language of the one event definition: plain data that both the fast
 * checker and the zod schemas are generated from.
 *
 * @module
 */

/** One field's rule, before its modifiers. */
export type FieldRule =
  | { type: "enum"; values: readonly string[] }
  | { type: "int"; min: number; max: number }
  | { type: "string"; pattern: RegExp; hint: string }
  | { type: "boolean" }
  | { type: "literal"; value: number | string }
  | { type: "timestamp" }
  | { type: "array"; items: FieldSpec; maxItems: number }
  | { type: "object"; fields: ObjectFields };

/** One field's rule with its modifiers: `null` allowed, or the key may be absent. */
export type FieldSpec = FieldRule & { nullable?: true; optional?: true };

/** The fields of a strict object: any other key is refused. */
export type ObjectFields = Readonly<Record<string, FieldSpec>>;
