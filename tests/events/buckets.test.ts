import { equal, throws } from "node:assert/strict";
import { durationBucket, findingsBucket } from "../../src/events/mod.ts";

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
