/**
 * Showing the first-run notice on a sandbox install, as a host's first scan
 * does in an earlier run: nothing is delivered from an install before that.
 *
 * @module
 */

import { createClient } from "../../src/mod.ts";

/**
 * Records one `scan.started` through the library in the install under
 * `homedir`, which shows the banner (to a callback that drops it) and
 * remembers it in `state.json`, so that later runs may deliver. Returns the
 * event's id: it is pending like any other.
 *
 * @example
 * ```ts
 * import { showNotice } from "./show_notice.ts";
 * const noticeId = showNotice(box.home);
 * ```
 */
export function showNotice(homedir: string): string {
  const client = createClient({
    env: { DOCKER_CONTAINER: "0" },
    homedir,
    cwd: homedir,
    onBanner: () => {},
  });
  const result = client.track("scan.started", {
    profile: "balanced",
    tools: ["trivy"],
    target_types: { repos: 1, images: 0, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
  });
  client.close();
  return result.envelope!.event_id;
}
