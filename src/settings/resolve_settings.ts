/**
 * Turns the environment into the client's settings, in one pure function.
 *
 * @module
 */

import type { Environment } from "./environment.ts";
import { isEnvMarkerSet, parseEnvBoolean } from "./parse_env_boolean.ts";

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

/** Everything the client reads from its environment, resolved once. */
export interface Settings {
  /** The state directory (`~/.jmo-security` or `JMO_HOME`). */
  home: string;
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
  /** Running in a container: `DOCKER_CONTAINER` set, or `/.dockerenv` present unless `DOCKER_CONTAINER=0`. */
  docker: boolean;
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

function positiveNumber(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function join(sep: string, ...parts: string[]): string {
  return parts.map((p, i) => (i === 0 ? p.replace(/[\\/]+$/, "") : p)).join(sep);
}

function isAbsolute(path: string): boolean {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith("\\\\");
}

/**
 * Resolves the client's settings from the environment and host facts. Pure:
 * the caller passes `process.env` and what it knows of the machine.
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
  const home = env.JMO_HOME && env.JMO_HOME.trim() !== ""
    ? env.JMO_HOME
    : join(sep, host.homedir, ".jmo-security");
  const configRaw = configFlag ??
    (env.JMO_CONFIG && env.JMO_CONFIG !== "" ? env.JMO_CONFIG : "jmo.yml");
  const configPath = isAbsolute(configRaw) ? configRaw : join(sep, host.cwd, configRaw);
  const gistId = env.JMO_TELEMETRY_GIST_ID?.trim();
  const token = env.JMO_TELEMETRY_GITHUB_TOKEN?.trim();
  const transport: TransportSettings = gistId && token
    ? {
      kind: "gist",
      gistId,
      token,
      apiBase: (env.JMO_TELEMETRY_GITHUB_API?.trim() || DEFAULT_GITHUB_API).replace(/\/+$/, ""),
    }
    : { kind: "collector", endpoint: env.JMO_TELEMETRY_ENDPOINT?.trim() || DEFAULT_ENDPOINT };
  return {
    home,
    configPath,
    transport,
    timeoutMs: positiveNumber(env.JMO_TELEMETRY_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS) * 1000,
    maxAgeMs: positiveNumber(env.JMO_TELEMETRY_MAX_AGE_DAYS, DEFAULT_MAX_AGE_DAYS) * 86_400_000,
    debug: parseEnvBoolean(env.JMO_TELEMETRY_DEBUG) === true,
    docker: parseEnvBoolean(env.DOCKER_CONTAINER) === false
      ? false
      : isEnvMarkerSet(env.DOCKER_CONTAINER) || host.dockerenv,
  };
}
