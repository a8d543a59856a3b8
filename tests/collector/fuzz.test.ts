/**
 * 500 randomly mutated events against the collector: never a 5xx, never
 * anything invalid stored. The seed is in every failure message; set
 * `JMO_FUZZ_SEED` to replay one.
 */

import assert from "node:assert/strict";
import { validateEnvelope } from "../../src/events/mod.ts";
import { envelopeSchema } from "../../src/schema.ts";
import { startTestCollector } from "../helpers/start_test_collector.ts";
import { envelope, envelopes, withoutReceivedAt } from "./envelopes.ts";
import { mutateEvent, seededRandom } from "./mutate_event.ts";
import { EVENT_NAMES } from "../../src/events/mod.ts";

const MUTATED = 500;
const CONCURRENCY = 8;
const MAX_BODY = 256 * 1024;

interface Case {
  body: string;
  /** Where the mutated event sits in the request (0 for a bare envelope). */
  index: number;
  /** The events of the request, valid ones and the mutated one. */
  events: unknown[];
  mutated: unknown;
}

function makeCase(random: () => number): Case {
  const name = EVENT_NAMES[Math.floor(random() * EVENT_NAMES.length)];
  const mutated = mutateEvent(envelope(name), random);
  if (random() < 0.3) {
    return { body: JSON.stringify(mutated), index: 0, events: [mutated], mutated };
  }
  const events: unknown[] = envelopes(Math.floor(random() * 4));
  const index = Math.floor(random() * (events.length + 1));
  events.splice(index, 0, mutated);
  return { body: JSON.stringify({ events }), index, events, mutated };
}

Deno.test("500 randomly mutated events never give a 5xx and never store anything invalid", async () => {
  const seed = Number(
    Deno.env.get("JMO_FUZZ_SEED") ?? crypto.getRandomValues(new Uint32Array(1))[0],
  );
  const random = seededRandom(seed);
  const cases = Array.from({ length: MUTATED }, () => makeCase(random));
  await using collector = await startTestCollector();

  const stored = new Map<string, unknown>();
  let refused = 0;
  for (let start = 0; start < cases.length; start += CONCURRENCY) {
    const slice = cases.slice(start, start + CONCURRENCY);
    const answers = await Promise.all(slice.map((c) => collector.post(c.body)));
    slice.forEach((c, i) => {
      const answer = answers[i];
      const where = `seed ${seed}, case ${start + i}: ${answer.status} ${
        answer.text.slice(0, 300)
      }`;
      assert.ok(answer.status < 500, where);
      const verdict = validateEnvelope(JSON.parse(JSON.stringify(c.mutated)));
      if (new TextEncoder().encode(c.body).length > MAX_BODY) {
        assert.equal(answer.status, 413, where);
        refused++;
      } else if (!verdict.ok) {
        assert.equal(answer.status, 400, where);
        const { details } = answer.json as { details: { index: number; field: string }[] };
        assert.deepEqual(details, [{
          index: c.index,
          field: verdict.error.field,
          reason: verdict.error.reason,
        }], where);
        refused++;
      } else {
        assert.equal(answer.status, 200, where);
        for (const event of c.events) stored.set((event as { event_id: string }).event_id, event);
      }
    });
  }
  assert.ok(refused > MUTATED / 2, `seed ${seed}: most mutations are refused (${refused})`);

  const exported = await collector.exported();
  assert.equal(exported.length, stored.size, `seed ${seed}`);
  for (const line of exported) {
    const sent = withoutReceivedAt(line);
    assert.ok(validateEnvelope(sent).ok, `seed ${seed}: stored ${JSON.stringify(line)}`);
    assert.ok(envelopeSchema.safeParse(sent).success, `seed ${seed}: zod refuses ${line.event_id}`);
    assert.deepEqual(sent, JSON.parse(JSON.stringify(stored.get(String(line.event_id)))));
  }
});
