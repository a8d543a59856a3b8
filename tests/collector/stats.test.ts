/**
 * `GET /v1/stats`: the daily job's release, coarse and consistent, and the
 * two attacks on a lone install (subtraction across dimensions, padding
 * with made-up installs) recovering nothing exact.
 */

import assert from "node:assert/strict";
import type { Envelope, Platform } from "../../src/events/mod.ts";
import { buildEvent } from "../../src/events/mod.ts";
import { EVENTS_STEP, INSTALLS_STEP } from "../../src/coarse/mod.ts";
import { startTestCollector, type TestCollector } from "../helpers/start_test_collector.ts";
import { VALID_METADATA } from "../helpers/run_binary.ts";
import { envelope, type EnvelopeOptions } from "./envelopes.ts";

const DAY_MS = 86_400_000;

interface Group {
  key: string;
  events: number;
  installs: number;
}
type Stats = Record<string, Group[]> & { released_on: string | null };

async function stats(collector: TestCollector): Promise<{ stats: Stats; text: string }> {
  const answer = await collector.request("/v1/stats");
  assert.equal(answer.status, 200);
  return { stats: answer.json as Stats, text: answer.text };
}

/** Runs the daily job as on the `n`-th day from now, and reads the release. */
async function releaseOnDay(collector: TestCollector, n: number): Promise<Stats> {
  await collector.runScheduled(new Date(Date.now() + n * DAY_MS));
  return (await stats(collector)).stats;
}

function group(stats: Stats, dimension: string, key: string): Group | undefined {
  assert.ok(Array.isArray(stats[dimension]), `stats has ${dimension}`);
  return stats[dimension].find((g) => g.key === key);
}

/** The values a published count allows: true + offset (0 to step - 1), rounded down to the step. */
function window(published: number, step: number): [number, number] {
  return [Math.max(0, published - step + 1), published + step - 1];
}

/** Posts, for each of `installs` new installs, the events `make` gives it. */
async function postInstalls(
  collector: TestCollector,
  installs: number,
  make: (options: EnvelopeOptions, install: number) => Envelope[],
): Promise<Envelope[]> {
  const sent = Array.from(
    { length: installs },
    (_, i) => make({ anonymousId: crypto.randomUUID() }, i),
  ).flat();
  assert.equal((await collector.post({ events: sent })).status, 200);
  return sent;
}

/** `count` events of one install on a platform and version, cycling through the event types. */
function installEvents(platform: Platform, version: string, count: number): Envelope[] {
  const anonymousId = crypto.randomUUID();
  const names = Object.keys(VALID_METADATA) as (keyof typeof VALID_METADATA)[];
  return Array.from({ length: count }, (_, i) =>
    buildEvent(
      {
        event: names[i % names.length] as never,
        metadata: VALID_METADATA[names[i % names.length]],
      },
      {
        eventId: crypto.randomUUID(),
        anonymousId,
        now: new Date(),
        platform,
        defaultVersion: version,
        defaultMode: "cli",
      },
    ));
}

Deno.test("GET /v1/stats serves the daily release, coarse and the same all day", async (t) => {
  await using collector = await startTestCollector({ edgeCache: false });
  const sent: Envelope[] = [];

  await t.step("before the first release no group is shown, only the rule", async () => {
    sent.push(...await postInstalls(collector, 12, (o) => [envelope("tool.failed", o)]));
    const { stats: answer } = await stats(collector);
    assert.equal(answer.released_on, null);
    assert.deepEqual(answer.platforms, []);
    assert.equal(answer.installs_step as unknown, INSTALLS_STEP);
    assert.equal(answer.events_step as unknown, EVENTS_STEP);
  });

  await t.step("the release shows each count within a step, in multiples of the step", async () => {
    const answer = await releaseOnDay(collector, 1);
    assert.match(String(answer.released_on), /^\d{4}-\d{2}-\d{2}$/);
    const failed = group(answer, "events_by_type", "tool.failed");
    assert.ok(failed, "12 installs are shown");
    assert.equal(failed.installs % INSTALLS_STEP, 0);
    assert.equal(failed.events % EVENTS_STEP, 0);
    assert.ok(Math.abs(failed.installs - 12) < INSTALLS_STEP, `${failed.installs} installs`);
    assert.ok(Math.abs(failed.events - 12) < EVENTS_STEP, `${failed.events} events`);
  });

  await t.step("a group of 5 installs or fewer is never shown, not even as zero", async () => {
    sent.push(
      ...await postInstalls(
        collector,
        5,
        (o) =>
          Array.from({ length: 10 }, () =>
            envelope("tool.failed", {
              ...o,
              version: "9.9.4",
              metadata: { tool: "rare-scanner" },
            })),
      ),
    );
    const { text } = { text: JSON.stringify(await releaseOnDay(collector, 2)) };
    assert.ok(!text.includes("9.9.4") && !text.includes("rare-scanner"));
  });

  await t.step("the day's release reads the same however often it is read", async () => {
    const first = (await stats(collector)).text;
    await collector.runScheduled(new Date(Date.now() + 2 * DAY_MS + 3_600_000));
    for (let i = 0; i < 3; i++) assert.equal((await stats(collector)).text, first);
  });

  await t.step("the answer holds no id and no total", async () => {
    const { stats: answer, text } = await stats(collector);
    for (const event of sent) {
      assert.ok(!text.includes(event.event_id) && !text.includes(event.anonymous_id));
    }
    for (const [dimension, groups] of Object.entries(answer)) {
      if (!Array.isArray(groups)) continue;
      for (const g of groups) {
        assert.deepEqual(Object.keys(g), ["key", "events", "installs"], dimension);
        assert.ok(g.installs >= 10, `${dimension} ${g.key}`);
      }
    }
  });
});

Deno.test("subtraction across dimensions recovers nothing exact about a lone install", async () => {
  await using collector = await startTestCollector({ edgeCache: false });
  // Linux: 20 installs of 1.0.1; macOS: 12 installs, all of 2.0.0 (so version 2.0.0 is exactly
  // macOS); Windows: one install of 1.0.1 with 9 events.
  const linux = Array.from({ length: 20 }, () => installEvents("Linux", "1.0.1", 10)).flat();
  const mac = Array.from({ length: 12 }, () => installEvents("macOS", "2.0.0", 10)).flat();
  const lone = installEvents("Windows", "1.0.1", 9);
  for (const events of [linux, mac, lone]) {
    assert.equal((await collector.post({ events })).status, 200);
  }
  const answer = await releaseOnDay(collector, 1);
  assert.equal(group(answer, "platforms", "Windows"), undefined, "the lone install is hidden");

  // The attack: all events (the event types added up) - Linux - version 2.0.0.
  const linuxGroup = group(answer, "platforms", "Linux")!;
  const v2 = group(answer, "versions", "2.0.0")!;
  assert.ok(v2, "version 2.0.0 is shown");
  const totalWindows = answer.events_by_type.map((g) => window(g.events, EVENTS_STEP));
  const subtracted = [linuxGroup, v2].map((g) => window(g.events, EVENTS_STEP));
  const low = totalWindows.reduce((sum, [lo]) => sum + lo, 0) -
    subtracted.reduce((sum, [, hi]) => sum + hi, 0);
  const high = totalWindows.reduce((sum, [, hi]) => sum + hi, 0) -
    subtracted.reduce((sum, [lo]) => sum + lo, 0);
  assert.ok(low <= 9 && 9 <= high, "the attacker's reckoning is sound");
  assert.ok(high - low + 1 >= 55, `${high - low + 1} values fit, not one`);

  // Installs: every install has one version, so versions add up to all installs.
  const versionInstalls = answer.versions.map((g) => window(g.installs, INSTALLS_STEP));
  const others = [linuxGroup, v2].map((g) => window(g.installs, INSTALLS_STEP));
  const fewest = versionInstalls.reduce((s, [lo]) => s + lo, 0) -
    others.reduce((s, [, hi]) => s + hi, 0);
  const most = versionInstalls.reduce((s, [, hi]) => s + hi, 0) -
    others.reduce((s, [lo]) => s + lo, 0);
  assert.ok(fewest <= 0 && most >= 1, "zero Windows installs fits as well as one");
});

Deno.test("padding a hidden group with made-up installs recovers nothing exact", async () => {
  await using collector = await startTestCollector({ edgeCache: false });
  const linux = Array.from({ length: 20 }, () => installEvents("Linux", "1.0.1", 5)).flat();
  const lone = installEvents("Windows", "1.0.1", 9);
  for (const events of [linux, lone]) {
    assert.equal((await collector.post({ events })).status, 200);
  }
  // Four made-up installs in the hidden group: 5 installs there can never make it appear.
  const fakes = (n: number) =>
    Array.from({ length: n }, () => installEvents("Windows", "1.0.1", 3));
  for (const events of fakes(4)) assert.equal((await collector.post({ events })).status, 200);
  assert.equal(group(await releaseOnDay(collector, 1), "platforms", "Windows"), undefined);

  // Seven more (11 made up, 33 of their events): now it shows; subtract what was posted.
  for (const events of fakes(7)) assert.equal((await collector.post({ events })).status, 200);
  const windows = group(await releaseOnDay(collector, 2), "platforms", "Windows");
  assert.ok(windows, "12 installs are shown");
  const [installsLow, installsHigh] = window(windows.installs, INSTALLS_STEP).map((n) => n - 11);
  assert.ok(installsLow <= 0 && installsHigh >= 1, "no telling whether another install is there");
  const [eventsLow, eventsHigh] = window(windows.events, EVENTS_STEP).map((n) => n - 33);
  assert.ok(eventsLow <= 9 && 9 <= eventsHigh, "the attacker's reckoning is sound");
  assert.ok(eventsHigh - eventsLow >= EVENTS_STEP, "a window of values, not the lone install's 9");
});

Deno.test("GET /v1/stats is kept at the edge: a new release shows once the cached answer expires", async () => {
  await using collector = await startTestCollector();
  await postInstalls(collector, 12, (o) => [envelope("scan.started", o)]);
  await collector.runScheduled(new Date(Date.now() + DAY_MS));
  const first = await collector.request("/v1/stats");
  assert.match(first.headers.get("cache-control") ?? "", /public, max-age=300/);
  await postInstalls(collector, 12, (o) => [envelope("tool.failed", o)]);
  await collector.runScheduled(new Date(Date.now() + 2 * DAY_MS));
  const second = await collector.request("/v1/stats");
  assert.equal(second.text, first.text, "served from the cache, D1 not read");
});
