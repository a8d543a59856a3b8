import { deepEqual, equal, ok } from "node:assert/strict";
import {
  BACKOFF_MAX_MS,
  BACKOFF_MIN_MS,
  backoffDelay,
  backoffPassed,
  nextBackoff,
} from "../../src/transport/mod.ts";

Deno.test("the first retry waits between one and two minutes, drawn with full jitter", () => {
  equal(backoffDelay(1, () => 0), BACKOFF_MIN_MS);
  equal(backoffDelay(1, () => 0.5), 90_000);
  equal(backoffDelay(1, () => 1), 2 * BACKOFF_MIN_MS);
});

Deno.test("the ceiling doubles with each failure and stops at 24 hours", () => {
  const ceilings = [1, 2, 3, 4, 10, 11, 12, 40].map((n) => backoffDelay(n, () => 1));
  deepEqual(ceilings.slice(0, 4), [120_000, 240_000, 480_000, 960_000]);
  equal(ceilings[4], 61_440_000);
  equal(ceilings[5], BACKOFF_MAX_MS);
  equal(ceilings[7], BACKOFF_MAX_MS);
  for (let n = 1; n < 40; n++) ok(backoffDelay(n, () => 0) === BACKOFF_MIN_MS);
});

Deno.test("a Retry-After is a floor for the wait, and 24 hours its cap", () => {
  equal(backoffDelay(1, () => 0, 3_600_000), 3_600_000);
  equal(backoffDelay(1, () => 0, 5_000), BACKOFF_MIN_MS);
  equal(backoffDelay(1, () => 0, 7 * BACKOFF_MAX_MS), BACKOFF_MAX_MS);
});

Deno.test("the persisted backoff counts failures and says when the next attempt is due", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");
  const first = nextBackoff(undefined, now, () => 0);
  deepEqual(first, { failures: 1, next_attempt_at: "2026-11-23T10:01:00.000Z" });
  const second = nextBackoff(first, now, () => 1, 600_000);
  deepEqual(second, { failures: 2, next_attempt_at: "2026-11-23T10:10:00.000Z" });
  equal(backoffPassed(second, now), false);
  equal(backoffPassed(second, now + 600_000), true);
  equal(backoffPassed(undefined, now), true);
});

Deno.test("a damaged or impossible next attempt time does not hold delivery back", () => {
  const now = Date.parse("2026-11-23T10:00:00Z");
  equal(backoffPassed({ failures: 3, next_attempt_at: "soon" }, now), true);
  equal(backoffPassed({ failures: 3, next_attempt_at: "2027-11-23T10:00:00Z" }, now), true);
});
