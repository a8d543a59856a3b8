/**
 * The files of the state directory.
 *
 * @module
 */

import { join } from "node:path";

/** Paths of the install's state files. */
export interface InstallPaths {
  home: string;
  idFile: string;
  scanCountFile: string;
  stateFile: string;
  auditFile: string;
  lockFile: string;
  /** Choices of config files already read, by a digest of their text. */
  configCacheFile: string;
}

/**
 * The state files under a state directory.
 *
 * @example
 * ```ts
 * import { installPaths } from "./install_paths.ts";
 * installPaths("/home/ada/.jmo-security").idFile; // "/home/ada/.jmo-security/telemetry-id"
 * ```
 */
export function installPaths(home: string): InstallPaths {
  return {
    home,
    idFile: join(home, "telemetry-id"),
    scanCountFile: join(home, "scan-count"),
    stateFile: join(home, "state.json"),
    auditFile: join(home, "audit.jsonl"),
    lockFile: join(home, ".lock"),
    configCacheFile: join(home, "config-cache.json"),
  };
}
