/**
 * Strict parsing of boolean environment variables: the one place where the
 * project decides what "set" means for a flag.
 *
 * @module
 */

const TRUE_WORDS = new Set(["1", "true", "yes", "on"]);
const FALSE_WORDS = new Set(["0", "false", "no", "off", ""]);

/**
 * Reads an environment value as a boolean. `1`, `true`, `yes` and `on` (any
 * case, surrounding blanks ignored) are true; `0`, `false`, `no`, `off` and the
 * empty string are false; anything else, and an absent variable, is
 * `undefined` so that callers choose their own meaning for garbage.
 *
 * @example
 * ```ts
 * import { parseEnvBoolean } from "./parse_env_boolean.ts";
 * parseEnvBoolean("TRUE"); // true
 * parseEnvBoolean("0"); // false
 * parseEnvBoolean(undefined); // undefined
 * ```
 */
export function parseEnvBoolean(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/**
 * True when an environment variable is present with a value that does not
 * read as false. This is how a marker such as `BUILD_ID=1234` counts as set
 * while `CI=false`, `CI=0` and `CI=` do not.
 *
 * @example
 * ```ts
 * import { isEnvMarkerSet } from "./parse_env_boolean.ts";
 * isEnvMarkerSet("abc123"); // true
 * isEnvMarkerSet("false"); // false
 * isEnvMarkerSet(undefined); // false
 * ```
 */
export function isEnvMarkerSet(value: string | undefined): boolean {
  if (value === undefined) return false;
  return parseEnvBoolean(value) !== false;
}
