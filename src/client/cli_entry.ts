/**
 * Where this package's own CLI is, for the background flush a library host
 * starts under its own runtime.
 *
 * @module
 */

import { fileURLToPath } from "node:url";

/** A module of this package as JSR serves it: the package and its version. */
const JSR_MODULE = /^https:\/\/jsr\.io\/(@[^/]+\/[^/]+)\/([^/]+)\//;

/**
 * The CLI that runs next to the module at `moduleUrl` (this file's): from
 * JSR, the package's `cli` export of the same version; from the npm build
 * (`esm/client/*.js`), its Node bin `esm/node/bin.js`; from the sources,
 * `src/cli/bin.ts`.
 *
 * @example
 * ```ts
 * import { cliEntry } from "./cli_entry.ts";
 * cliEntry("https://jsr.io/@jmo/telemetry/0.2.0/src/client/cli_entry.ts"); // "jsr:@jmo/telemetry@0.2.0/cli"
 * cliEntry("file:///app/node_modules/jmo-telemetry/esm/client/cli_entry.js");
 * // "/app/node_modules/jmo-telemetry/esm/node/bin.js"
 * ```
 */
export function cliEntry(moduleUrl: string = import.meta.url): string {
  const jsr = JSR_MODULE.exec(moduleUrl);
  if (jsr !== null) return `jsr:${jsr[1]}@${jsr[2]}/cli`;
  const relative = moduleUrl.endsWith(".js") ? "../node/bin.js" : "../cli/bin.ts";
  const url = new URL(relative, moduleUrl);
  return url.protocol === "file:" ? fileURLToPath(url) : url.href;
}
