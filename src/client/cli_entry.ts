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
 * (a module under `esm/`), its Node bin `esm/node/bin.js`; from the sources,
 * `src/cli/bin.ts`. `undefined` when there is none to run (the library
 * bundled into a host's own file): delivery then waits for a `flush()`.
 *
 * @example
 * ```ts
 * import { cliEntry } from "./cli_entry.ts";
 * cliEntry("https://jsr.io/@jmo/telemetry/0.2.0/src/client/cli_entry.ts"); // "jsr:@jmo/telemetry@0.2.0/cli"
 * cliEntry("file:///app/node_modules/jmo-telemetry/esm/mod.js");
 * // "/app/node_modules/jmo-telemetry/esm/node/bin.js"
 * ```
 */
export function cliEntry(moduleUrl: string = import.meta.url): string | undefined {
  const jsr = JSR_MODULE.exec(moduleUrl);
  if (jsr !== null) return `jsr:${jsr[1]}@${jsr[2]}/cli`;
  if (moduleUrl.endsWith(".ts")) {
    const url = new URL("../cli/bin.ts", moduleUrl);
    return url.protocol === "file:" ? fileURLToPath(url) : url.href;
  }
  // The npm build: a module (or chunk) somewhere under the package's esm/.
  const esm = moduleUrl.lastIndexOf("/esm/");
  if (esm === -1 || !moduleUrl.startsWith("file:")) return undefined;
  return fileURLToPath(`${moduleUrl.slice(0, esm)}/esm/node/bin.js`);
}
