/**
 * The user's home directory as the environment names it.
 *
 * @module
 */

import type { Environment } from "./environment.ts";

/**
 * The home directory the environment names (`HOME`, or `USERPROFILE` on
 * Windows), as `os.homedir()` finds it first; `undefined` when it is unset
 * or empty. Reading it here spares the account database (and, under Deno,
 * the `--allow-sys` permission `os.homedir()` needs).
 *
 * @example
 * ```ts
 * import { homeFromEnvironment } from "./home_from_environment.ts";
 * homeFromEnvironment({ HOME: "/home/ada" }, "linux"); // "/home/ada"
 * homeFromEnvironment({ HOME: "" }, "linux"); // undefined
 * ```
 */
export function homeFromEnvironment(env: Environment, platform: string): string | undefined {
  const value = platform === "win32" ? env.USERPROFILE : env.HOME;
  return value === undefined || value === "" ? undefined : value;
}
