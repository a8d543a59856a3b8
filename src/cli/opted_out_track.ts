/**
 * The fast path of an opted-out `track`: decided from the environment alone,
 * before the rest of the CLI is even loaded, and loading the spool's file
 * code only when there is a spool to delete.
 *
 * @module
 */

import process from "node:process";
import { decideFromEnvironment } from "../consent/decide_consent.ts";
import type { Environment } from "../settings/environment.ts";
import { homeFromEnvironment } from "../settings/home_from_environment.ts";
import { resolveHome } from "../settings/resolve_home.ts";
import { entryExists } from "./entry_exists.ts";

/**
 * The user's home directory as `os.homedir()` finds it (`HOME`, or
 * `USERPROFILE` on Windows, else the account database), loading `node:os`
 * only when the environment does not say: on this path its import alone is a
 * measurable part of the run.
 *
 * @example
 * ```ts
 * import { homeDirectory } from "./opted_out_track.ts";
 * await homeDirectory({ HOME: "/home/ada" }); // "/home/ada" (not on Windows)
 * ```
 */
export async function homeDirectory(env: Environment): Promise<string> {
  return homeFromEnvironment(env, process.platform) ?? (await import("node:os")).homedir();
}

/**
 * When the environment alone turns telemetry off (`JMO_TELEMETRY_DISABLE`,
 * `DO_NOT_TRACK`, CI), deletes any spooled events and resolves to true: the
 * caller does nothing more. A read-only or missing home is no error here.
 * `homedir` is the user's home when the caller knows it; else it is found as
 * `homeDirectory` does.
 *
 * @example
 * ```ts
 * import { purgeIfOptedOut } from "./opted_out_track.ts";
 * await purgeIfOptedOut({ DO_NOT_TRACK: "1", HOME: "/tmp" }, "/tmp"); // true
 * ```
 */
export async function purgeIfOptedOut(env: Environment, homedir?: string): Promise<boolean> {
  if (decideFromEnvironment(env) === undefined) return false;
  const sep = process.platform === "win32" ? "\\" : "/";
  const { home } = resolveHome(env, homedir ?? await homeDirectory(env), sep);
  if (await entryExists(home, "spool")) {
    try {
      (await import("../spool/purge_spool.ts")).purgeSpool(home);
    } catch { /* nothing to delete on a read-only home */ }
  }
  return true;
}

/**
 * Whether these arguments are a `track` call that the environment opts out
 * of; if so, the spool is purged and nothing else must happen.
 *
 * @example
 * ```ts
 * import { isOptedOutTrack } from "./opted_out_track.ts";
 * await isOptedOutTrack(["track", "scan.started"], { JMO_TELEMETRY_DISABLE: "1" }); // true
 * await isOptedOutTrack(["track", "--help"], { JMO_TELEMETRY_DISABLE: "1" }); // false
 * ```
 */
export function isOptedOutTrack(argv: string[], env: Environment): Promise<boolean> {
  if (argv[0] !== "track" || argv.includes("--help") || argv.includes("-h")) {
    return Promise.resolve(false);
  }
  return purgeIfOptedOut(env);
}
