/**
 * The enumerations of both schemas: schema 1 as the source documents define
 * it, schema 2 as the host really sends it.
 *
 * @module
 */

/**
 * The schema versions this client knows, oldest first; it writes the last.
 *
 * @example
 * ```ts
 * import { SCHEMA_VERSIONS } from "@jmo/telemetry";
 * SCHEMA_VERSIONS; // [1, 2]
 * ```
 */
export const SCHEMA_VERSIONS = [1, 2] as const;
/** One of the schema versions. */
export type SchemaVersion = typeof SCHEMA_VERSIONS[number];
/**
 * The schema version of every envelope this client writes.
 *
 * @example
 * ```ts
 * import { SCHEMA_VERSION } from "@jmo/telemetry";
 * SCHEMA_VERSION; // 2
 * ```
 */
export const SCHEMA_VERSION = 2;

/**
 * The five events of schema 1.
 *
 * @example
 * ```ts
 * import { SCHEMA_1_EVENT_NAMES } from "@jmo/telemetry";
 * SCHEMA_1_EVENT_NAMES.includes("policy.evaluated" as never); // false
 * ```
 */
export const SCHEMA_1_EVENT_NAMES = [
  "scan.started",
  "scan.completed",
  "tool.failed",
  "wizard.completed",
  "report.generated",
] as const;
/**
 * The six events a host tool may record (schema 2: schema 1's five and
 * `policy.evaluated`).
 *
 * @example
 * ```ts
 * import { EVENT_NAMES } from "@jmo/telemetry";
 * EVENT_NAMES.includes("policy.evaluated"); // true
 * ```
 */
export const EVENT_NAMES = [...SCHEMA_1_EVENT_NAMES, "policy.evaluated"] as const;
/** One of the six event names. */
export type EventName = typeof EVENT_NAMES[number];
/** One of the five event names of schema 1. */
export type Schema1EventName = typeof SCHEMA_1_EVENT_NAMES[number];

/**
 * How the host tool was run.
 *
 * @example
 * ```ts
 * import { MODES } from "@jmo/telemetry";
 * MODES; // ["cli", "docker", "wizard"]
 * ```
 */
export const MODES = ["cli", "docker", "wizard"] as const;
/** One of the execution modes. */
export type Mode = typeof MODES[number];

/**
 * Scan profiles: the four built in, and `custom` for every profile a user
 * defines (whose name is never recorded).
 *
 * @example
 * ```ts
 * import { PROFILES } from "@jmo/telemetry";
 * (PROFILES as readonly string[]).includes("paranoid"); // false
 * ```
 */
export const PROFILES = ["fast", "slim", "balanced", "deep", "custom"] as const;
/** What a profile, policy or other user-defined name is recorded as. */
export const CUSTOM = "custom";
/** What a tool name or output format outside the vocabulary is recorded as. */
export const OTHER = "other";
/**
 * Scan duration buckets.
 *
 * @example
 * ```ts
 * import { DURATION_BUCKETS } from "@jmo/telemetry";
 * DURATION_BUCKETS[0]; // "<5min"
 * ```
 */
export const DURATION_BUCKETS = ["<5min", "5-15min", "15-30min", ">30min"] as const;
/**
 * Finding count buckets.
 *
 * @example
 * ```ts
 * import { FINDINGS_BUCKETS } from "@jmo/telemetry";
 * FINDINGS_BUCKETS.at(-1); // ">1000"
 * ```
 */
export const FINDINGS_BUCKETS = ["0", "1-10", "10-100", "100-1000", ">1000"] as const;
/**
 * How a scanner failed.
 *
 * @example
 * ```ts
 * import { FAILURE_TYPES } from "@jmo/telemetry";
 * FAILURE_TYPES; // ["timeout", "crash", "non_zero_exit"]
 * ```
 */
export const FAILURE_TYPES = ["timeout", "crash", "non_zero_exit"] as const;
/**
 * How the wizard will run scans.
 *
 * @example
 * ```ts
 * import { EXECUTION_MODES } from "@jmo/telemetry";
 * EXECUTION_MODES; // ["docker", "native"]
 * ```
 */
export const EXECUTION_MODES = ["docker", "native"] as const;
/**
 * What the wizard generated.
 *
 * @example
 * ```ts
 * import { ARTIFACTS } from "@jmo/telemetry";
 * ARTIFACTS; // ["makefile", "shell", "gha"]
 * ```
 */
export const ARTIFACTS = ["makefile", "shell", "gha"] as const;
/**
 * Which reporters ran, in schema 1.
 *
 * @example
 * ```ts
 * import { SCHEMA_1_OUTPUT_FORMATS } from "@jmo/telemetry";
 * SCHEMA_1_OUTPUT_FORMATS; // ["json", "md", "html", "sarif"]
 * ```
 */
export const SCHEMA_1_OUTPUT_FORMATS = ["json", "md", "html", "sarif"] as const;
/**
 * Which reporters ran: the host's six, and `other` for any format it adds later.
 *
 * @example
 * ```ts
 * import { OUTPUT_FORMATS } from "@jmo/telemetry";
 * OUTPUT_FORMATS.includes("simple-html"); // true
 * ```
 */
export const OUTPUT_FORMATS = [
  "json",
  "md",
  "html",
  "simple-html",
  "sarif",
  "yaml",
  "other",
] as const;
/**
 * The host's built-in policies, and `custom` for every policy file a user adds.
 *
 * @example
 * ```ts
 * import { POLICIES } from "@jmo/telemetry";
 * POLICIES.includes("zero-secrets"); // true
 * ```
 */
export const POLICIES = [
  "hipaa-compliance",
  "owasp-top-10",
  "pci-dss",
  "production-hardening",
  "zero-secrets",
  "custom",
] as const;
/**
 * Buckets of a scan's target count, as the host cuts them.
 *
 * @example
 * ```ts
 * import { TARGETS_BUCKETS } from "@jmo/telemetry";
 * TARGETS_BUCKETS.at(-1); // ">50"
 * ```
 */
export const TARGETS_BUCKETS = ["1", "2-5", "6-10", "11-50", ">50"] as const;
/**
 * How often this install scans, from its local scan count.
 *
 * @example
 * ```ts
 * import { SCAN_FREQUENCY_HINTS } from "@jmo/telemetry";
 * SCAN_FREQUENCY_HINTS; // ["first_time", "weekly", "daily"]
 * ```
 */
export const SCAN_FREQUENCY_HINTS = ["first_time", "weekly", "daily"] as const;
/**
 * Buckets of a policy evaluation's violation count.
 *
 * @example
 * ```ts
 * import { VIOLATIONS_BUCKETS } from "@jmo/telemetry";
 * VIOLATIONS_BUCKETS[1]; // "1-5"
 * ```
 */
export const VIOLATIONS_BUCKETS = ["0", "1-5", "5-20", "20-100", ">100"] as const;
/**
 * Buckets of a policy evaluation's duration.
 *
 * @example
 * ```ts
 * import { EVALUATION_TIME_BUCKETS } from "@jmo/telemetry";
 * EVALUATION_TIME_BUCKETS[0]; // "<50ms"
 * ```
 */
export const EVALUATION_TIME_BUCKETS = ["<50ms", "50-100ms", "100-500ms", ">500ms"] as const;
/**
 * Buckets of the time the setup wizard was open.
 *
 * @example
 * ```ts
 * import { WIZARD_DURATION_BUCKETS } from "@jmo/telemetry";
 * WIZARD_DURATION_BUCKETS.at(-1); // ">1h"
 * ```
 */
export const WIZARD_DURATION_BUCKETS = ["<1min", "1-5min", "5-15min", "15-60min", ">1h"] as const;
/**
 * Platforms as they appear in events.
 *
 * @example
 * ```ts
 * import { PLATFORMS } from "@jmo/telemetry";
 * PLATFORMS; // ["Linux", "macOS", "Windows"]
 * ```
 */
export const PLATFORMS = ["Linux", "macOS", "Windows"] as const;
/** One of the platforms. */
export type Platform = typeof PLATFORMS[number];
/** Target kinds counted by `scan.started`. */
export const TARGET_TYPES = ["repos", "images", "urls", "iac", "gitlab", "k8s"] as const;

/** Tool names of schema 1: short identifiers, so no path, URL or message can ride in one. */
export const SCHEMA_1_TOOL_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,39}$/;
/** Tool names of schema 2: the same, with `+` allowed (`afl++`). */
export const TOOL_NAME_PATTERN = /^[a-z0-9][a-z0-9._+-]{0,39}$/;
