/**
 * Bucketing of raw numbers, so that exact durations and finding counts never
 * reach the disk.
 *
 * @module
 */

import type { DurationBucket, FindingsBucket, WizardDurationBucket } from "./types.ts";

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
 * import { durationBucket } from "./buckets.ts";
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
 * import { wizardDurationBucket } from "./buckets.ts";
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
 * import { findingsBucket } from "./buckets.ts";
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
