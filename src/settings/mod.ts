/**
 * Settings: the environment read strictly and in one place.
 *
 * `parseEnvBoolean` and `isEnvMarkerSet` are the only readers of boolean
 * variables; `resolveSettings` turns the environment and host facts into the
 * client's settings without touching the disk, listing the values it ignored.
 *
 * @module
 */

export type { Environment } from "./environment.ts";
export { ENVIRONMENT_VARIABLES } from "./environment_variables.ts";
export { readEnvironment } from "./read_environment.ts";
export { homeFromEnvironment } from "./home_from_environment.ts";
export { isEnvMarkerSet, parseEnvBoolean } from "./parse_env_boolean.ts";
export { isHttpUrl } from "./is_http_url.ts";
export {
  DEFAULT_ENDPOINT,
  DEFAULT_GITHUB_API,
  DEFAULT_MAX_AGE_DAYS,
  DEFAULT_TIMEOUT_SECONDS,
  resolveSettings,
} from "./resolve_settings.ts";
export type {
  HostFacts,
  Settings,
  SettingsProblem,
  TransportSettings,
} from "./resolve_settings.ts";
