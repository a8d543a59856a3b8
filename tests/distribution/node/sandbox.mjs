// A temporary install for one test of the Node suite: an empty HOME and
// working directory, the clean environment the bin runs in, and the options
// that point a library client at the same install.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";

/** A collector endpoint on a closed local port, so that no test reaches a real one. */
export const CLOSED_ENDPOINT = "http://127.0.0.1:9/v1/events";

/**
 * Makes a sandbox that is removed when the test `t` ends. `env(extra)` is
 * the whole environment of the bin (PATH, HOME, DOCKER_CONTAINER=0, the
 * closed endpoint, then `extra`); `clientOptions(extra)` gives a library
 * client that environment, this HOME and working directory, version 1.0.1,
 * and collects its banners in `banners`.
 *
 * @example
 * ```js
 * import { createClient } from "jmo-telemetry";
 * import { sandbox } from "./sandbox.mjs";
 * test("...", (t) => {
 *   const box = sandbox(t);
 *   const client = createClient(box.clientOptions({ DO_NOT_TRACK: "1" }));
 * });
 * ```
 */
export function sandbox(t) {
  const root = mkdtempSync(join(tmpdir(), "jmo-node-test-"));
  const home = join(root, "home");
  const cwd = join(root, "work");
  mkdirSync(home);
  mkdirSync(cwd);
  t.after(() => rmSync(root, { recursive: true, force: true, maxRetries: 5 }));
  const banners = [];
  const env = (extra = {}) => ({
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    DOCKER_CONTAINER: "0",
    JMO_TELEMETRY_ENDPOINT: CLOSED_ENDPOINT,
    ...extra,
  });
  return {
    home,
    cwd,
    stateDir: join(home, ".jmo-security"),
    banners,
    env,
    clientOptions: (extra = {}) => ({
      env: env(extra),
      homedir: home,
      cwd,
      version: "1.0.1",
      onBanner: (text) => banners.push(text),
    }),
  };
}
