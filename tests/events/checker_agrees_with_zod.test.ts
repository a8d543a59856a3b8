import { equal } from "node:assert/strict";
import { buildEvent, validateEnvelope } from "../../src/events/mod.ts";
import { envelopeSchema } from "../../src/schema.ts";
import { VALID_METADATA } from "../helpers/run_binary.ts";

/** A small seeded PRNG (mulberry32), so a failing case can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  "",
  "x".repeat(300),
  "/home/ada/project",
  "https://example.com",
  [],
  [1],
  {},
  { nested: { deep: [1] } },
  "2025-02-30T00:00:00Z",
  "3.11",
  "00000000-0000-4000-8000-000000000000",
];

function mutate(value: unknown, random: () => number): unknown {
  if (typeof value !== "object" || value === null) {
    return ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  }
  const copy: Record<string, unknown> = Array.isArray(value) ? [...value] as never : { ...value };
  const keys = Object.keys(copy);
  const roll = random();
  if (roll < 0.15 || keys.length === 0) {
    copy[["extra", "__proto__", "constructor", "path"][Math.floor(random() * 4)]] = "x";
  } else if (roll < 0.3) {
    delete copy[keys[Math.floor(random() * keys.length)]];
  } else {
    const key = keys[Math.floor(random() * keys.length)];
    copy[key] = random() < 0.5
      ? mutate(copy[key], random)
      : ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
  }
  return copy;
}

Deno.test("the fast checker and the zod schema give the same verdict on 3000 mutated envelopes of both schemas", () => {
  const random = prng(20261123);
  const context = {
    eventId: crypto.randomUUID(),
    anonymousId: crypto.randomUUID(),
    now: new Date(),
    platform: "macOS" as const,
    defaultVersion: "1.0.1",
    defaultMode: "wizard" as const,
  };
  const valid = Object.entries(VALID_METADATA).map(([event, metadata]) =>
    JSON.parse(JSON.stringify(buildEvent({ event, metadata, pythonVersion: "3.12" }, context)))
  );
  // Schema 1 envelopes, as older clients sent them: the same events but policy.evaluated,
  // and the wizard's raw duration in seconds.
  for (const envelope of [...valid]) {
    if (envelope.event === "policy.evaluated") continue;
    const old = structuredClone({ ...envelope, schema: 1 });
    if (old.event === "wizard.completed") {
      delete old.metadata.duration_bucket;
      old.metadata.duration_seconds = 95;
    }
    equal(validateEnvelope(old).ok, true, JSON.stringify(old));
    valid.push(old);
  }
  let accepted = 0;
  for (let i = 0; i < 3000; i++) {
    let candidate: unknown = valid[i % valid.length];
    const rounds = Math.floor(random() * 3);
    for (let r = 0; r < rounds; r++) candidate = mutate(candidate, random);
    candidate = JSON.parse(JSON.stringify(candidate) ?? "null");
    const fast = validateEnvelope(candidate).ok;
    const zod = envelopeSchema.safeParse(candidate).success;
    equal(fast, zod, `case ${i}: ${JSON.stringify(candidate)}`);
    if (fast) accepted += 1;
  }
  equal(
    accepted > 300 && accepted < 2700,
    true,
    `accepted ${accepted}: both verdicts must be exercised`,
  );
});
