/**
 * Every environment variable the client and the CLI read, besides the CI
 * markers of `consent/detect_ci.ts`: the one list that `docs/CONTRACT.md`
 * documents (with what each does) and that the library reads, one variable
 * at a time.
 *
 * @module
 */

/** The name of each variable the code reads. */
export const ENVIRONMENT_VARIABLES: readonly string[] = [
  "JMO_TELEMETRY_DISABLE",
  "DO_NOT_TRACK",
  "JMO_HOME",
  "JMO_CONFIG",
  "JMO_TELEMETRY_ENDPOINT",
  "JMO_TELEMETRY_GIST_ID",
  "JMO_TELEMETRY_GITHUB_TOKEN",
  "JMO_TELEMETRY_GITHUB_API",
  "JMO_TELEMETRY_TIMEOUT_SECONDS",
  "JMO_TELEMETRY_MAX_AGE_DAYS",
  "JMO_TELEMETRY_DEBUG",
  "JMO_TELEMETRY_STRICT",
  "JMO_TELEMETRY_SHOWN",
  "JMO_TELEMETRY_ADMIN_TOKEN",
  "JMO_TELEMETRY_REPORT_SECRET",
  "DOCKER_CONTAINER",
  "CI_NAME",
  "HOME",
  "USERPROFILE",
  "HTTPS_PROXY",
  "https_proxy",
  "HTTP_PROXY",
  "http_proxy",
  "NO_PROXY",
  "no_proxy",
  "NO_COLOR",
];
