/**
 * The platform name that events carry.
 *
 * @module
 */

import type { Platform } from "./vocabulary.ts";

/**
 * Maps a Node-style platform identifier to the name events carry. Every
 * platform that is neither macOS nor Windows is reported as `Linux`.
 *
 * @example
 * ```ts
 * import { platformName } from "./platform.ts";
 * platformName("darwin"); // "macOS"
 * platformName("win32"); // "Windows"
 * ```
 */
export function platformName(nodePlatform: string): Platform {
  if (nodePlatform === "darwin") return "macOS";
  if (nodePlatform === "win32") return "Windows";
  return "Linux";
}
