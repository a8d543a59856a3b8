import { equal, throws } from "node:assert/strict";
import { durationBucket, findingsBucket } from "../../src/events/mod.ts";
import {
  evaluationTimeBucket,
  scanFrequencyHint,
  targetsBucket,
  violationsBucket,
} from "../../src/events/buckets.ts";

Deno.test("durationBucket cuts at 300, 900 and 1800 seconds", () => {
  const cases: [number, string][] = [
    [0, "<5min"],
    [299.9, "<5min"],
    [300, "5-15min"],
    [899, "5-15min"],
    [
      900,
      "15-30min",
    ],
    [1799, "15-30min"],
    [1800, ">30min"],
    [86_400, ">30min"],
  ];
  for (const [seconds, bucket] of cases) equal(durationBucket(seconds), bucket, String(seconds));
});

Deno.test("findingsBucket cuts 0, 1-10, 11-100, 101-1000 and above", () => {
  const cases: [number, string][] = [
    [0, "0"],
    [1, "1-10"],
    [10, "1-10"],
    [11, "10-100"],
    [100, "10-100"],
    [
      101,
      "100-1000",
    ],
    [1000, "100-1000"],
    [1001, ">1000"],
  ];
  for (const [count, bucket] of cases) equal(findingsBucket(count), bucket, String(count));
});

Deno.test("the bucket helpers refuse a negative or non-finite number with a RangeError", () => {
  for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
    throws(() => durationBucket(bad), RangeError, String(bad));
    throws(() => findingsBucket(bad), RangeError, String(bad));
  }
});

Deno.test("targetsBucket, violationsBucket, evaluationTimeBucket and scanFrequencyHint cut where JMo Security's host does", () => {
  const cases: [(n: number) => string, number, string][] = [
    [targetsBucket, 0, "1"],
    [targetsBucket, 1, "1"],
    [targetsBucket, 2, "2-5"],
    [targetsBucket, 5, "2-5"],
    [targetsBucket, 6, "6-10"],
    [targetsBucket, 10, "6-10"],
    [targetsBucket, 11, "11-50"],
    [targetsBucket, 50, "11-50"],
    [targetsBucket, 51, ">50"],
    [violationsBucket, 0, "0"],
    [violationsBucket, 1, "1-5"],
    [violationsBucket, 5, "1-5"],
    [violationsBucket, 6, "5-20"],
    [violationsBucket, 20, "5-20"],
    [violationsBucket, 21, "20-100"],
    [violationsBucket, 100, "20-100"],
    [violationsBucket, 101, ">100"],
    [evaluationTimeBucket, 0, "<50ms"],
    [evaluationTimeBucket, 49.99, "<50ms"],
    [evaluationTimeBucket, 50, "50-100ms"],
    [evaluationTimeBucket, 100, "100-500ms"],
    [evaluationTimeBucket, 500, ">500ms"],
    [scanFrequencyHint, 1, "first_time"],
    [scanFrequencyHint, 2, "weekly"],
    [scanFrequencyHint, 10, "weekly"],
    [scanFrequencyHint, 11, "daily"],
  ];
  for (const [bucket, value, expected] of cases) {
    equal(bucket(value), expected, `${bucket.name}(${value})`);
  }
  for (const bucket of [targetsBucket, violationsBucket, evaluationTimeBucket, scanFrequencyHint]) {
    throws(() => bucket(-1), RangeError);
    throws(() => bucket(Number.NaN), RangeError);
  }
});
