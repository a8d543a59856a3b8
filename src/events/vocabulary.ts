/**
 * The enumerations of schema 1, exactly as the source documents define them.
 *
 * @module
 */

/**
 * The five events a host tool may record.
 *
 * @example
 * ```ts
 * import { EVENT_NAMES } from "./vocabulary.ts";
 * EVENT_NAMES.includes("scan.started"); // true
 * ```
 */
export const EVENT_NAMES = [
  "scan.started",
  "scan.completed",
  "tool.failed",
  "wizard.completed",
  "report.generated",
] as const;
/** One of the five event names. */
export type EventName = typeof EVENT_NAMES[number];

/**
 * How the host tool was run.
 *
 * @example
 * ```ts
 * import { MODES } from "./vocabulary.ts";
 * MODES; // ["cli", "docker", "wizard"]
 * ```
 */
export const MODES = ["cli", "docker", "wizard"] as const;
/** One of the execution modes. */
export type Mode = typeof MODES[number];

/**
 * Scan profiles.
 *
 * @example
 * ```ts
 * import { PROFILES } from "./vocabulary.ts";
 * (PROFILES as readonly string[]).includes("paranoid"); // false
 * ```
 */
export const PROFILES = ["fast", "slim", "balanced", "deep", "custom"] as const;
/**
 * Scan duration buckets.
 *
 * @example
 * ```ts
 * import { DURATION_BUCKETS } from "./vocabulary.ts";
 * DURATION_BUCKETS[0]; // "<5min"
 * ```
 */
export const DURATION_BUCKETS = ["<5min", "5-15min", "15-30min", ">30min"] as const;
/**
 * Finding count buckets.
 *
 * @example
 * ```ts
 * import { FINDINGS_BUCKETS } from "./vocabulary.ts";
 * FINDINGS_BUCKETS.at(-1); // ">1000"
 * ```
 */
export const FINDINGS_BUCKETS = ["0", "1-10", "10-100", "100-1000", ">1000"] as const;
/**
 * How a scanner failed.
 *
 * @example
 * ```ts
 * import { FAILURE_TYPES } from "./vocabulary.ts";
 * FAILURE_TYPES; // ["timeout", "crash", "non_zero_exit"]
 * ```
 */
export const FAILURE_TYPES = ["timeout", "crash", "non_zero_exit"] as const;
/**
 * How the wizard will run scans.
 *
 * @example
 * ```ts
 * import { EXECUTION_MODES } from "./vocabulary.ts";
 * EXECUTION_MODES; // ["docker", "native"]
 * ```
 */
export const EXECUTION_MODES = ["docker", "native"] as const;
/**
 * What the wizard generated.
 *
 * @example
 * ```ts
 * import { ARTIFACTS } from "./vocabulary.ts";
 * ARTIFACTS; // ["makefile", "shell", "gha"]
 * ```
 */
export const ARTIFACTS = ["makefile", "shell", "gha"] as const;
/**
 * Which reporters ran.
 *
 * @example
 * ```ts
 * import { OUTPUT_FORMATS } from "./vocabulary.ts";
 * OUTPUT_FORMATS.includes("sarif"); // true
 * ```
 */
export const OUTPUT_FORMATS = ["json", "md", "html", "sarif"] as const;
/**
 * Platforms as they appear in events.
 *
 * @example
 * ```ts
 * import { PLATFORMS } from "./vocabulary.ts";
 * PLATFORMS; // ["Linux", "macOS", "Windows"]
 * ```
 */
export const PLATFORMS = ["Linux", "macOS", "Windows"] as const;
/** One of the platforms. */
export type Platform = typeof PLATFORMS[number];
/** Target kinds counted by `scan.started`. */
export const TARGET_TYPES = ["repos", "images", "urls", "iac", "gitlab", "k8s"] as const;

/** Tool names: short identifiers, so no path, URL or message can ride in one. */
export const TOOL_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,39}$/;
/** The schema version of every envelope this client writes. */
export const SCHEMA_VERSION = 1;
