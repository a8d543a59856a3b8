/**
 * Reading named environment variables one at a time, for a runtime that may
 * refuse some of them (Deno with a narrow `--allow-env` list).
 *
 * @module
 */

import process from "node:process";
import type { Environment } from "./environment.ts";

/**
 * The named variables of the process environment, each read through a
 * `try`: a variable the runtime refuses to show reads as unset, and its name
 * is added to `refused` when given. Nothing else is read, so a Deno host
 * grants only these.
 *
 * @example
 * ```ts
 * import { readEnvironment } from "./read_environment.ts";
 * const refused: string[] = [];
 * readEnvironment(["HOME", "DO_NOT_TRACK"], refused).HOME; // the home directory, when set and allowed
 * refused; // [] when both may be read
 * ```
 */
export function readEnvironment(names: readonly string[], refused?: string[]): Environment {
  const env: Record<string, string> = {};
  for (const name of names) {
    try {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    } catch {
      refused?.push(name);
    }
  }
  return env;
}
