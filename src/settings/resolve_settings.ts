/**
 * Turns the environment into the client's settings, in one pure function.
 *
 * @module
 */

import type { Environment } from "./environment.ts";
import { isHttpUrl } from "./is_http_url.ts";
import { isEnvMarkerSet, parseEnvBoolean } from "./parse_env_boolean.ts";
import { isAbsolute, joinPath, resolveHome } from "./resolve_home.ts";

/** Where the collector lives unless `JMO_TELEMETRY_ENDPOINT` says otherwise. */
export const DEFAULT_ENDPOINT = "https://telemetry.jmotools.com/v1/events";
/** GitHub's REST API base unless `JMO_TELEMETRY_GITHUB_API` says otherwise. */
export const DEFAULT_GITHUB_API = "https://api.github.com";
/** Seconds a single request may take unless `JMO_TELEMETRY_TIMEOUT_SECONDS` says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 2;
/** Days a spooled event may wait unless `JMO_TELEMETRY_MAX_AGE_DAYS` says otherwise. */
export const DEFAULT_MAX_AGE_DAYS = 30;

/** Where batches go: the collector Worker or a GitHub Gist. */
export type TransportSettings =
  | { kind: "collector"; endpoint: string }
  | { kind: "gist"; gistId: string; token: string; apiBase: string };

/** An environment value that is ignored or cannot be used, and why. */
export interface SettingsProblem {
  /** The variable, as `JMO_TELEMETRY_TIMEOUT_SECONDS`. */
  variable: string;
  /** Its value as set. */
  value: string;
  /** What is wrong with it and what is done instead. */
  problem: string;
}

/** Everything the client reads from its environment, resolved once. */
export interface Settings {
  /** The state directory (`~/.jmo-security`, or `JMO_HOME` when it is an absolute path). */
  home: string;
  /** Whether `home` is `JMO_HOME` (made with its parents when missing) rather than the default. */
  homeFromEnv: boolean;
  /** The config file path (`--config`, `JMO_CONFIG`, else `jmo.yml` in the working directory). */
  configPath: string;
  /** Where batches go. */
  transport: TransportSettings;
  /** Milliseconds one request may take (`JMO_TELEMETRY_TIMEOUT_SECONDS`). */
  timeoutMs: number;
  /** Milliseconds a spooled event may wait before it is dropped (`JMO_TELEMETRY_MAX_AGE_DAYS`). */
  maxAgeMs: number;
  /** `JMO_TELEMETRY_DEBUG`: print events and batches, send nothing. */
  debug: boolean;
  /**
   * `JMO_TELEMETRY_STRICT`: refuse an event with an unknown key or a value
   * outside the schema instead of dropping or normalising it.
   */
  strict: boolean;
  /** Running in a container: `DOCKER_CONTAINER` set, or `/.dockerenv` present unless `DOCKER_CONTAINER=0`. */
  docker: boolean;
  /** `JMO_TELEMETRY_SHOWN`: the host showed the notice in this run already; it is recorded, not printed again. */
  noticeShownByHost: boolean;
  /** Environment values ignored or unusable, each with what is done instead. */
  problems: SettingsProblem[];
  /** Why nothing can be sent (the URL batches go to is not http(s)), when so; it is in `problems` too. */
  deliveryProblem?: string;
}

/** Facts about the machine that the environment does not carry. */
export interface HostFacts {
  /** The user's home directory. */
  homedir: string;
  /** The working directory. */
  cwd: string;
  /** Whether `/.dockerenv` exists. */
  dockerenv: boolean;
  /** Path separator of the platform (`/` or `\\`). */
  sep?: string;
}

/** The variable's positive number, else `fallback` (a value that is no positive number noted in `problems`). */
function positiveNumber(
  env: Environment,
  variable: string,
  fallback: { value: number; unit: string },
  problems: SettingsProblem[],
): number {
  const value = env[variable];
  if (value === undefined || value.trim() === "") return fallback.value;
  const n = Number(value);
  if (Number.isFinite(n) && n > 0) return n;
  const problem = `not a positive number; the default ${fallback.value} ${fallback.unit} is used`;
  problems.push({ variable, value, problem });
  return fallback.value;
}

/** The transport the environment names, and the problem of its URL when it is not http(s). */
function resolveTransport(
  env: Environment,
): { transport: TransportSettings; problem?: SettingsProblem } {
  const gistId = env.JMO_TELEMETRY_GIST_ID?.trim();
  const token = env.JMO_TELEMETRY_GITHUB_TOKEN?.trim();
  const [variable, url] = gistId && token
    ? ["JMO_TELEMETRY_GITHUB_API", env.JMO_TELEMETRY_GITHUB_API?.trim() || DEFAULT_GITHUB_API]
    : ["JMO_TELEMETRY_ENDPOINT", env.JMO_TELEMETRY_ENDPOINT?.trim() || DEFAULT_ENDPOINT];
  const transport: TransportSettings = gistId && token
    ? { kind: "gist", gistId, token, apiBase: url.replace(/\/+$/, "") }
    : { kind: "collector", endpoint: url };
  if (isHttpUrl(url)) return { transport };
  const problem = "not an http(s) URL; nothing is sent until it is one, or unset";
  return { transport, problem: { variable, value: env[variable] ?? url, problem } };
}

/**
 * Resolves the client's settings from the environment and host facts. Pure:
 * the caller passes `process.env` and what it knows of the machine. Values
 * that cannot be used are listed in `problems`: a timeout or maximum age
 * that is no positive number (the default is used), a relative `JMO_HOME`
 * (the default is used: a relative state folder would differ from one
 * working directory to the next), a collector or GitHub API URL that is not
 * http(s) (kept, and `deliveryProblem` says why nothing can be sent).
 *
 * @example
 * ```ts
 * import { resolveSettings } from "./resolve_settings.ts";
 * const s = resolveSettings({ JMO_TELEMETRY_TIMEOUT_SECONDS: "5" }, {
 *   homedir: "/home/ada",
 *   cwd: "/work",
 *   dockerenv: false,
 * });
 * s.home; // "/home/ada/.jmo-security"
 * s.timeoutMs; // 5000
 * ```
 */
export function resolveSettings(
  env: Environment,
  host: HostFacts,
  configFlag?: string,
): Settings {
  const sep = host.sep ?? "/";
  const problems: SettingsProblem[] = [];
  const { home, homeFromEnv, problem: homeProblem } = resolveHome(env, host.homedir, sep);
  if (homeProblem) problems.push(homeProblem);
  const configRaw = configFlag ??
    (env.JMO_CONFIG && env.JMO_CONFIG !== "" ? env.JMO_CONFIG : "jmo.yml");
  const configPath = isAbsolute(configRaw) ? configRaw : joinPath(sep, host.cwd, configRaw);
  const { transport, problem: urlProblem } = resolveTransport(env);
  if (urlProblem) problems.push(urlProblem);
  const timeoutSeconds = positiveNumber(env, "JMO_TELEMETRY_TIMEOUT_SECONDS", {
    value: DEFAULT_TIMEOUT_SECONDS,
    unit: "s",
  }, problems);
  const maxAgeDays = positiveNumber(env, "JMO_TELEMETRY_MAX_AGE_DAYS", {
    value: DEFAULT_MAX_AGE_DAYS,
    unit: "days",
  }, problems);
  return {
    home,
    homeFromEnv,
    configPath,
    transport,
    timeoutMs: timeoutSeconds * 1000,
    maxAgeMs: maxAgeDays * 86_400_000,
    debug: parseEnvBoolean(env.JMO_TELEMETRY_DEBUG) === true,
    strict: parseEnvBoolean(env.JMO_TELEMETRY_STRICT) === true,
    docker: parseEnvBoolean(env.DOCKER_CONTAINER) === false
      ? false
      : isEnvMarkerSet(env.DOCKER_CONTAINER) || host.dockerenv,
    noticeShownByHost: parseEnvBoolean(env.JMO_TELEMETRY_SHOWN) === true,
    problems,
    ...(urlProblem
      ? {
        deliveryProblem: `${urlProblem.variable} is not an http(s) URL (${
          JSON.stringify(urlProblem.value)
        }): set it to an http:// or https:// URL, or unset it for the default`,
      }
      : {}),
  };
}
