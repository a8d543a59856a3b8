/**
 * The fast strict checker generated from the definition: no dependencies,
 * so `track` validates without loading a schema library.
 *
 * @module
 */

import { isUtcSecond } from "./is_utc_second.ts";
import type { FieldSpec, ObjectFields } from "./field_spec.ts";

/** The first problem found: the dotted path of the field and what is wrong. */
export interface FieldIssue {
  path: string;
  reason: string;
}

function join(path: string, key: string | number): string {
  return path === "" ? String(key) : `${path}.${key}`;
}

/**
 * Whether `value` is a JSON object (not null, not a list).
 *
 * @example
 * ```ts
 * import { isPlainObject } from "./check_fields.ts";
 * isPlainObject({}); // true
 * isPlainObject([]); // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks a value against one field rule; `undefined` when it passes.
 *
 * @example
 * ```ts
 * import { checkField } from "./check_fields.ts";
 * checkField(7, { type: "int", min: 0, max: 5 }, "metadata.tools_failed");
 * // { path: "metadata.tools_failed", reason: "must be an integer from 0 to 5" }
 * ```
 */
export function checkField(value: unknown, spec: FieldSpec, path: string): FieldIssue | undefined {
  if (value === null && spec.nullable) return undefined;
  switch (spec.type) {
    case "enum":
      return typeof value === "string" && spec.values.includes(value)
        ? undefined
        : { path, reason: `must be one of ${spec.values.join(", ")}` };
    case "int":
      return typeof value === "number" && Number.isInteger(value) && value >= spec.min &&
          value <= spec.max
        ? undefined
        : { path, reason: `must be an integer from ${spec.min} to ${spec.max}` };
    case "string":
      return typeof value === "string" && spec.pattern.test(value)
        ? undefined
        : { path, reason: spec.hint };
    case "boolean":
      return typeof value === "boolean" ? undefined : { path, reason: "must be true or false" };
    case "literal":
      return value === spec.value ? undefined : { path, reason: `must be ${spec.value}` };
    case "timestamp":
      return typeof value === "string" && isUtcSecond(value)
        ? undefined
        : { path, reason: "must be UTC to the second, as 2025-10-19T14:48:00Z" };
    case "array": {
      if (!Array.isArray(value)) return { path, reason: "must be a list" };
      if (value.length > spec.maxItems) {
        return { path, reason: `must hold at most ${spec.maxItems} items` };
      }
      for (let i = 0; i < value.length; i++) {
        const issue = checkField(value[i], spec.items, join(path, i));
        if (issue) return issue;
      }
      return undefined;
    }
    case "object":
      return checkObject(value, spec.fields, path);
  }
}

/**
 * Checks a strict object: every defined field, then that no other key is present.
 *
 * @example
 * ```ts
 * import { checkObject } from "./check_fields.ts";
 * checkObject({ a: true, b: 1 }, { a: { type: "boolean" } }, "metadata");
 * // { path: "metadata.b", reason: "unknown key" }
 * ```
 */
export function checkObject(
  value: unknown,
  fields: ObjectFields,
  path: string,
): FieldIssue | undefined {
  if (!isPlainObject(value)) return { path, reason: "must be a JSON object" };
  for (const key in fields) {
    const spec = fields[key];
    if (!Object.hasOwn(value, key) || value[key] === undefined) {
      if (spec.optional) continue;
      return { path: join(path, key), reason: "is required" };
    }
    const issue = checkField(value[key], spec, join(path, key));
    if (issue) return issue;
  }
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(fields, key)) return { path: join(path, key), reason: "unknown key" };
  }
  return undefined;
}
