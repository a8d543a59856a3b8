/**
 * Detecting a CI environment from its markers.
 *
 * @module
 */

import type { Environment } from "../settings/environment.ts";
import { isEnvMarkerSet } from "../settings/parse_env_boolean.ts";

/**
 * Variables whose presence marks a CI run: the contract's list first, then
 * the markers of the other widely used CI services (the set `ci-info` knows).
 *
 * @example
 * ```ts
 * import { CI_MARKERS } from "@jmo/telemetry";
 * CI_MARKERS.includes("GITHUB_ACTIONS"); // true
 * ```
 */
export const CI_MARKERS: readonly string[] = [
  "CI",
  "GITHUB_ACTIONS",
  "GITLAB_CI",
  "JENKINS_URL",
  "BUILD_ID",
  "CIRCLECI",
  "TRAVIS",
  "TF_BUILD",
  "BITBUCKET_PIPELINE_UUID",
  "CONTINUOUS_INTEGRATION",
  "BUILD_NUMBER",
  "RUN_ID",
  "AC_APPCIRCLE",
  "AGOLA_GIT_REF",
  "APPCENTER_BUILD_ID",
  "APPVEYOR",
  "BITBUCKET_COMMIT",
  "BITRISE_IO",
  "BUDDY_WORKSPACE_ID",
  "BUILDER_OUTPUT",
  "BUILDKITE",
  "CF_BUILD_ID",
  "CIRRUS_CI",
  "CI_XCODE_PROJECT",
  "CM_BUILD_ID",
  "CODEBUILD_BUILD_ARN",
  "DRONE",
  "DSARI",
  "EARTHLY_CI",
  "EAS_BUILD",
  "GERRIT_PROJECT",
  "GITEA_ACTIONS",
  "GO_PIPELINE_LABEL",
  "HARNESS_BUILD_ID",
  "HEROKU_TEST_RUN_ID",
  "HUDSON_URL",
  "LAYERCI",
  "MAGNUM",
  "NETLIFY",
  "NEVERCODE",
  "NOW_BUILDER",
  "PROW_JOB_ID",
  "RELEASE_BUILD_ID",
  "RENDER",
  "SAILCI",
  "SCREWDRIVER",
  "SEMAPHORE",
  "SHIPPABLE",
  "STRIDER",
  "SYSTEM_TEAMFOUNDATIONCOLLECTIONURI",
  "TASK_ID",
  "TDDIUM",
  "TEAMCITY_VERSION",
  "VELA",
  "VERCEL",
  "XCS",
  "bamboo_planKey",
];

/** Services that announce themselves by name in `CI_NAME` rather than by a variable of their own. */
const CI_NAMES = new Set(["codeship", "sourcehut"]);

/**
 * Whether one marker is set. `CI` is a flag, so `CI=false` and `CI=0` do not
 * count; the services' own markers hold ids and numbers, so any non-empty
 * value does (`BUILD_NUMBER=0` is the first build, not "no CI").
 */
function isMarkerSet(name: string, value: string | undefined): boolean {
  return name === "CI" ? isEnvMarkerSet(value) : (value ?? "").trim() !== "";
}

/**
 * The first CI marker set in the environment, or `undefined` outside CI.
 * `CI` set to `false`, `0`, `no`, `off` or the empty string does not count;
 * any other marker counts with any non-empty value.
 *
 * @example
 * ```ts
 * import { detectCi } from "@jmo/telemetry";
 * detectCi({ GITHUB_ACTIONS: "true" }); // "GITHUB_ACTIONS"
 * detectCi({ BUILD_NUMBER: "0" }); // "BUILD_NUMBER"
 * detectCi({ CI: "false" }); // undefined
 * ```
 */
export function detectCi(env: Environment): string | undefined {
  for (const name of CI_MARKERS) if (isMarkerSet(name, env[name])) return name;
  const ciName = env.CI_NAME?.trim().toLowerCase();
  if (ciName && CI_NAMES.has(ciName)) return "CI_NAME";
  return undefined;
}
