/**
 * Every environment variable the client and the CLI read, besides the CI
 * markers of `consent/detect_ci.ts`: the one list that `docs/CONTRACT.md`
 * documents and that the library reads, one variable at a time.
 *
 * @module
 */

/** Each variable the code reads, with what it does. */
export const ENVIRONMENT_VARIABLES: Readonly<Record<string, string>> = {
  JMO_TELEMETRY_DISABLE: "a true value turns telemetry off (the first consent rule)",
  DO_NOT_TRACK: "a true value turns telemetry off (the second consent rule)",
  JMO_HOME: "the state folder, when an absolute path (default ~/.jmo-security)",
  JMO_CONFIG: "the config file (default jmo.yml in the working directory)",
  JMO_TELEMETRY_ENDPOINT: "the collector's URL",
  JMO_TELEMETRY_GIST_ID: "with JMO_TELEMETRY_GITHUB_TOKEN: deliver to this Gist instead",
  JMO_TELEMETRY_GITHUB_TOKEN: "the GitHub token for the Gist transport and view's Gist source",
  JMO_TELEMETRY_GITHUB_API: "the GitHub API base (default https://api.github.com)",
  JMO_TELEMETRY_TIMEOUT_SECONDS: "seconds one request may take (default 2)",
  JMO_TELEMETRY_MAX_AGE_DAYS: "days a spooled event may wait (default 30)",
  JMO_TELEMETRY_DEBUG: "a true value prints events and batches and sends nothing",
  JMO_TELEMETRY_ADMIN_TOKEN: "the collector's admin token, for view's export source",
  DOCKER_CONTAINER: "set: running in a container (mode docker); 0 or false: not",
  CI_NAME: "codeship or sourcehut: a CI service (a consent rule)",
  HOME: "the user's home directory (POSIX)",
  USERPROFILE: "the user's home directory (Windows)",
  HTTPS_PROXY: "the proxy for https:// requests",
  https_proxy: "HTTPS_PROXY in lower case, read when HTTPS_PROXY is unset",
  HTTP_PROXY: "the proxy for http:// requests",
  http_proxy: "HTTP_PROXY in lower case, read when HTTP_PROXY is unset",
  NO_PROXY: "hosts reached without the proxy",
  no_proxy: "NO_PROXY in lower case, read when NO_PROXY is unset",
  NO_COLOR: "set: view prints without colour",
};
