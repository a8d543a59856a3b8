/**
 * `GET /v1/stats`: aggregates only, and no group of fewer than 5 installs.
 */

import assert from "node:assert/strict";
import type { Envelope } from "../../src/events/mod.ts";
import { startTestCollector, type TestCollector } from "../helpers/start_test_collector.ts";
import { envelope, type EnvelopeOptions } from "./envelopes.ts";

interface Group {
  key: string;
  events: number;
  installs: number;
}
type Stats = Record<string, Group[]>;

async function stats(collector: TestCollector): Promise<{ stats: Stats; text: string }> {
  const answer = await collector.request("/v1/stats");
  assert.equal(answer.status, 200);
  return { stats: answer.json as Stats, text: answer.text };
}

function group(stats: Stats, dimension: string, key: string): Group | undefined {
  assert.ok(Array.isArray(stats[dimension]), `stats has ${dimension}`);
  return stats[dimension].find((g) => g.key === key);
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

Deno.test("GET /v1/stats on the local collector", async (t) => {
  await using collector = await startTestCollector();
  const sent: Envelope[] = [];

  await t.step("a group of 4 installs is left out entirely, even with many events", async () => {
    sent.push(
      ...await postInstalls(
        collector,
        4,
        (options) =>
          Array.from({ length: 10 }, () =>
            envelope("tool.failed", {
              ...options,
              version: "9.9.4",
              metadata: { tool: "rare-scanner" },
            })),
      ),
    );
    const { stats: answer, text } = await stats(collector);
    for (const dimension of ["events_by_type", "platforms", "versions", "tool_failures"]) {
      assert.deepEqual(answer[dimension], [], dimension);
    }
    assert.ok(!text.includes("9.9.4") && !text.includes("rare-scanner"), "not even as zero");
  });

  await t.step("the fifth install makes the group appear with its counts", async () => {
    sent.push(
      ...await postInstalls(collector, 1, (options) => [
        envelope("tool.failed", {
          ...options,
          version: "9.9.4",
          metadata: { tool: "rare-scanner" },
        }),
      ]),
    );
    const { stats: answer } = await stats(collector);
    const expected = { events: 41, installs: 5 };
    assert.deepEqual(group(answer, "versions", "9.9.4"), { key: "9.9.4", ...expected });
    assert.deepEqual(group(answer, "tool_failures", "rare-scanner"), {
      key: "rare-scanner",
      ...expected,
    });
    assert.deepEqual(group(answer, "events_by_type", "tool.failed"), {
      key: "tool.failed",
      ...expected,
    });
    assert.deepEqual(group(answer, "platforms", "Linux"), { key: "Linux", ...expected });
  });

  await t.step(
    "profiles, modes, duration buckets and weeks follow the same rule, subtraction included",
    async () => {
      // Five installs in ISO week 2024-W05 (Monday to Sunday), five in 2026-W01
      // (whose Monday is in 2025), four in 2024-W10 with their own profile, mode
      // and duration.
      const shown = ["2024-01-29T00:00:00Z", "2024-02-01T12:00:00Z", "2024-02-04T23:59:59Z"];
      const scan = (options: EnvelopeOptions, at: string, rare: boolean) => [
        envelope("scan.started", {
          ...options,
          at: new Date(at),
          metadata: { profile: rare ? "slim" : "deep", mode: rare ? "wizard" : "docker" },
        }),
        envelope("scan.completed", {
          ...options,
          at: new Date(at),
          metadata: { profile: "deep", duration_seconds: rare ? 60 : 2400 },
        }),
      ];
      sent.push(
        ...await postInstalls(collector, 5, (o, i) => scan(o, shown[i % shown.length], false)),
        ...await postInstalls(collector, 5, (o) => scan(o, "2025-12-29T08:00:00Z", false)),
        ...await postInstalls(collector, 4, (o) => scan(o, "2024-03-07T08:00:00Z", true)),
      );
      const { stats: answer } = await stats(collector);
      // The 4 installs' slim, wizard and <5min groups are left out; and so are
      // deep, docker and >30min, which would give them away as scan.started (or
      // scan.completed) minus the one group shown.
      for (const dimension of ["profiles", "modes", "duration_buckets"]) {
        assert.deepEqual(answer[dimension], [], dimension);
      }
      const weeks = answer.active_installs_by_week;
      assert.equal(weeks.find((g) => g.key === "2024-W10"), undefined);
      // The smallest week shown is left out with it, so the two cover 9 installs.
      assert.equal(weeks.find((g) => g.key === "2024-W05"), undefined);
      assert.deepEqual(weeks.find((g) => g.key === "2026-W01"), {
        key: "2026-W01",
        events: 10,
        installs: 5,
      });
    },
  );

  await t.step("the answer holds no id and no total", async () => {
    const { stats: answer, text } = await stats(collector);
    for (const event of sent) {
      assert.ok(!text.includes(event.event_id) && !text.includes(event.anonymous_id));
    }
    for (const [dimension, groups] of Object.entries(answer)) {
      if (!Array.isArray(groups)) continue;
      for (const g of groups) {
        assert.deepEqual(Object.keys(g), ["key", "events", "installs"], dimension);
        assert.ok(g.installs >= 5, `${dimension} ${g.key}`);
      }
    }
  });
});
