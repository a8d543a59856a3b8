/**
 * Bucketing of raw numbers, so that exact durations and finding counts never
 * reach the disk.
 *
 * @module
 */

import type {
  DurationBucket,
  EvaluationTimeBucket,
  FindingsBucket,
  ScanFrequencyHint,
  TargetsBucket,
  ViolationsBucket,
  WizardDurationBucket,
} from "./types.ts";

function checkCount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a finite number of at least 0, not ${value}`);
  }
}

/**
 * Buckets a scan duration in seconds: under 300 s, under 900 s, under 1800 s,
 * or longer. Throws `RangeError` for a negative number or one that is not finite.
 *
 * @example
 * ```ts
 * import { durationBucket } from "@jmo/telemetry";
 * durationBucket(299); // "<5min"
 * durationBucket(300); // "5-15min"
 * durationBucket(1800); // ">30min"
 * ```
 */
export function durationBucket(seconds: number): DurationBucket {
  checkCount(seconds, "a duration in seconds");
  if (seconds < 300) return "<5min";
  if (seconds < 900) return "5-15min";
  if (seconds < 1800) return "15-30min";
  return ">30min";
}

/**
 * Buckets the time the setup wizard was open, however long: under a minute,
 * under 5, under 15, under 60 minutes, or longer. Throws `RangeError` for a
 * negative number or one that is not finite.
 *
 * @example
 * ```ts
 * import { wizardDurationBucket } from "@jmo/telemetry";
 * wizardDurationBucket(59); // "<1min"
 * wizardDurationBucket(240); // "1-5min"
 * wizardDurationBucket(172_800); // ">1h"
 * ```
 */
export function wizardDurationBucket(seconds: number): WizardDurationBucket {
  checkCount(seconds, "a duration in seconds");
  if (seconds < 60) return "<1min";
  if (seconds < 300) return "1-5min";
  if (seconds < 900) return "5-15min";
  if (seconds < 3600) return "15-60min";
  return ">1h";
}

/**
 * Buckets a finding count: 0, 1–10, 11–100, 101–1000, more than 1000. Throws
 * `RangeError` for a negative number or one that is not finite.
 *
 * @example
 * ```ts
 * import { findingsBucket } from "@jmo/telemetry";
 * findingsBucket(0); // "0"
 * findingsBucket(10); // "1-10"
 * findingsBucket(11); // "10-100"
 * findingsBucket(1001); // ">1000"
 * ```
 */
export function findingsBucket(count: number): FindingsBucket {
  checkCount(count, "a finding count");
  if (count <= 0) return "0";
  if (count <= 10) return "1-10";
  if (count <= 100) return "10-100";
  if (count <= 1000) return "100-1000";
  return ">1000";
}

/**
 * Buckets a number of scan targets: 1, 2–5, 6–10, 11–50, more than 50. A
 * count of 0 (no scan runs without a target) goes with 1. Throws
 * `RangeError` for a negative number or one that is not finite.
 *
 * @example
 * ```ts
 * import { targetsBucket } from "./buckets.ts";
 * targetsBucket(1); // "1"
 * targetsBucket(5); // "2-5"
 * targetsBucket(51); // ">50"
 * ```
 */
export function targetsBucket(count: number): TargetsBucket {
  checkCount(count, "a target count");
  if (count <= 1) return "1";
  if (count <= 5) return "2-5";
  if (count <= 10) return "6-10";
  if (count <= 50) return "11-50";
  return ">50";
}

/**
 * Buckets a number of policy violations: 0, 1–5, 6–20, 21–100, more than
 * 100. Throws `RangeError` for a negative number or one that is not finite.
 *
 * @example
 * ```ts
 * import { violationsBucket } from "./buckets.ts";
 * violationsBucket(0); // "0"
 * violationsBucket(5); // "1-5"
 * violationsBucket(101); // ">100"
 * ```
 */
export function violationsBucket(count: number): ViolationsBucket {
  checkCount(count, "a violation count");
  if (count <= 0) return "0";
  if (count <= 5) return "1-5";
  if (count <= 20) return "5-20";
  if (count <= 100) return "20-100";
  return ">100";
}

/**
 * Buckets a policy evaluation time in milliseconds: under 50, under 100,
 * under 500, or longer. Throws `RangeError` for a negative number or one
 * that is not finite.
 *
 * @example
 * ```ts
 * import { evaluationTimeBucket } from "./buckets.ts";
 * evaluationTimeBucket(49.9); // "<50ms"
 * evaluationTimeBucket(100); // "100-500ms"
 * evaluationTimeBucket(500); // ">500ms"
 * ```
 */
export function evaluationTimeBucket(ms: number): EvaluationTimeBucket {
  checkCount(ms, "a time in milliseconds");
  if (ms < 50) return "<50ms";
  if (ms < 100) return "50-100ms";
  if (ms < 500) return "100-500ms";
  return ">500ms";
}

/**
 * The scan frequency hint of an install from its scan count, this scan
 * included: the first scan, up to 10 (weekly), more (daily). Throws
 * `RangeError` for a negative number or one that is not finite.
 *
 * @example
 * ```ts
 * import { scanFrequencyHint } from "./buckets.ts";
 * scanFrequencyHint(1); // "first_time"
 * scanFrequencyHint(10); // "weekly"
 * scanFrequencyHint(11); // "daily"
 * ```
 */
export function scanFrequencyHint(scanCount: number): ScanFrequencyHint {
  checkCount(scanCount, "a scan count");
  if (scanCount <= 1) return "first_time";
  if (scanCount <= 10) return "weekly";
  return "daily";
}
