/**
 * The host's Python version as events carry it: major.minor.
 *
 * @module
 */

/**
 * Cuts a Python version to major.minor: `3.12.0rc1`, `3.11.7` and
 * `3.13+` become `3.12`, `3.11` and `3.13`. A value that does not start with
 * `X.Y` is returned as given, for validation to refuse.
 *
 * @example
 * ```ts
 * import { pythonMajorMinor } from "./python_major_minor.ts";
 * pythonMajorMinor("3.12.0rc1"); // "3.12"
 * pythonMajorMinor("three"); // "three"
 * ```
 */
export function pythonMajorMinor(version: string): string {
  const start = /^\s*(\d+\.\d+)/.exec(version);
  return start ? start[1] : version;
}
