/**
 * Private normalisation, generated from the definition like the checker: a
 * key the schema does not know is dropped, and a string outside a field's
 * vocabulary becomes that field's `fallback` (`custom`, `other`). Values of
 * the wrong kind are left as they are, for the checker to refuse.
 *
 * @module
 */

import { isPlainObject } from "./check_fields.ts";
import type { FieldSpec, ObjectFields } from "./field_spec.ts";

/** One thing normalisation did to an event: a key dropped, or a value replaced. */
export interface FieldChange {
  /** The dotted path, as `metadata.profile` or `metadata.tools.3`. */
  field: string;
  /** `dropped`: an unknown key, never recorded; `normalised`: the value was replaced by `to`. */
  change: "dropped" | "normalised";
  /** The value recorded instead, for `normalised`. */
  to?: string;
}

function outsideVocabulary(value: string, spec: FieldSpec): boolean {
  if (spec.type === "enum") return !spec.values.includes(value);
  if (spec.type === "string") return !spec.pattern.test(value);
  return false;
}

function normaliseValue(
  value: unknown,
  spec: FieldSpec,
  path: string,
  changes: FieldChange[],
): unknown {
  if (spec.fallback !== undefined && typeof value === "string" && outsideVocabulary(value, spec)) {
    changes.push({ field: path, change: "normalised", to: spec.fallback });
    return spec.fallback;
  }
  if (spec.type === "object") return normaliseObject(value, spec.fields, path, changes);
  if (spec.type !== "array" || !Array.isArray(value)) return value;
  const items = value.map((item, i) => normaliseValue(item, spec.items, `${path}.${i}`, changes));
  const fallback = spec.items.fallback;
  // Several names recorded as `custom` or `other` are one such entry: how many
  // there were says nothing the host needs and something about the user.
  return fallback === undefined
    ? items
    : items.filter((item, i) => item !== fallback || items.indexOf(fallback) === i);
}

/**
 * Normalises an object against its fields: unknown keys are dropped and named
 * in `changes`, strings outside a vocabulary that has a fallback are replaced
 * by it (and named). Returns a new object; anything that is not an object is
 * returned as it is, for the strict checker to refuse.
 *
 * @example
 * ```ts
 * import { normaliseObject, type FieldChange } from "./normalise_fields.ts";
 * const changes: FieldChange[] = [];
 * normaliseObject(
 *   { profile: "nightly", repo: "acme" },
 *   { profile: { type: "enum", values: ["fast", "custom"], fallback: "custom" } },
 *   "metadata",
 *   changes,
 * ); // { profile: "custom" }
 * changes.map((c) => c.field); // ["metadata.profile", "metadata.repo"]
 * ```
 */
export function normaliseObject(
  value: unknown,
  fields: ObjectFields,
  path: string,
  changes: FieldChange[],
): unknown {
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = path === "" ? key : `${path}.${key}`;
    if (!Object.hasOwn(fields, key)) changes.push({ field, change: "dropped" });
    else result[key] = normaliseValue(value[key], fields[key], field, changes);
  }
  return result;
}
