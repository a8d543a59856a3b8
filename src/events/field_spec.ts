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

/**
 * One field's rule with its modifiers: `null` allowed, the key may be absent,
 * or (`fallback`, on enumerations and patterns only) a string outside the
 * vocabulary is recorded as this value instead of refused, unless strict.
 */
export type FieldSpec = FieldRule & { nullable?: true; optional?: true; fallback?: string };

/** The fields of a strict object: any other key is refused. */
export type ObjectFields = Readonly<Record<string, FieldSpec>>;
