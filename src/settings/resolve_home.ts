/**
 * The client's state folder from the environment alone: all that an
 * opted-out `track` needs to know, without the rest of the settings.
 *
 * @module
 */

import type { Environment } from "./environment.ts";
import type { SettingsProblem } from "./resolve_settings.ts";

/**
 * `parts` joined with `sep`, the first part's trailing separators dropped.
 *
 * @example
 * ```ts
 * import { joinPath } from "./resolve_home.ts";
 * joinPath("/", "/home/ada/", ".jmo-security"); // "/home/ada/.jmo-security"
 * ```
 */
export function joinPath(sep: string, ...parts: string[]): string {
  return parts.map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, "") : p)).join(sep);
}

/**
 * Whether `path` is absolute on POSIX or Windows (drive or UNC).
 *
 * @example
 * ```ts
 * import { isAbsolute } from "./resolve_home.ts";
 * isAbsolute("C:\\Users\\ada"); // true
 * isAbsolute("relhome"); // false
 * ```
 */
export function isAbsolute(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\");
}

/**
 * The state folder: `JMO_HOME` when it is an absolute path, else
 * `<homedir>/.jmo-security`; a relative `JMO_HOME` is a problem (a relative
 * state folder would differ from one working directory to the next).
 *
 * @example
 * ```ts
 * import { resolveHome } from "./resolve_home.ts";
 * resolveHome({}, "/home/ada", "/").home; // "/home/ada/.jmo-security"
 * resolveHome({ JMO_HOME: "/srv/jmo" }, "/home/ada", "/").homeFromEnv; // true
 * ```
 */
export function resolveHome(
  env: Environment,
  homedir: string,
  sep: string,
): { home: string; homeFromEnv: boolean; problem?: SettingsProblem } {
  const defaultHome = joinPath(sep, homedir, ".jmo-security");
  const value = env.JMO_HOME;
  if (value === undefined || value.trim() === "") return { home: defaultHome, homeFromEnv: false };
  if (isAbsolute(value)) return { home: value, homeFromEnv: true };
  const problem = `not an absolute path; the default ${defaultHome} is used`;
  return {
    home: defaultHome,
    homeFromEnv: false,
    problem: { variable: "JMO_HOME", value, problem },
  };
}
