/**
 * Random mutations of valid envelopes for the collector's fuzz test: wrong
 * types, huge strings, paths, unknown keys, nulls, missing fields, deep
 * nesting. Deterministic for a given seed.
 *
 * @module
 */

/** A seeded source of random numbers in [0, 1) (mulberry32). */
export type Random = () => number;

/**
 * A deterministic random source for `seed`.
 *
 * @example
 * ```ts
 * import { seededRandom } from "./mutate_event.ts";
 * const random = seededRandom(42);
 * random() === seededRandom(42)(); // true
 * ```
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

/** A copy of one of `values`, so no two places of an event share an object. */
function pickValue(random: Random, values: readonly Json[]): Json {
  return structuredClone(pick(random, values));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

const WRONG_VALUES: readonly Json[] = [
  0,
  -1,
  1.5,
  1e308,
  4294967296,
  true,
  false,
  "",
  "x",
  "1",
  [],
  {},
  [1, "a"],
  { a: 1 },
];
const PATHS: readonly string[] = [
  "/etc/passwd",
  "/home/alice/src/secret-project",
  "C:\\Users\\alice\\repo",
  "../../.ssh/id_rsa",
  "~/.aws/credentials",
  "https://user:token@example.com/org/repo.git",
  "trivy --config /home/alice/.trivy.yaml",
  "trivy\n",
  " trivy",
  "TRIVY",
  "café",
  "\u0000",
  "\ud800",
];
const UNKNOWN_KEYS: readonly string[] = [
  "extra",
  "__proto__",
  "constructor",
  "ip",
  "hostname",
  "user_agent",
  "",
  "metadata ",
  "Event",
];

function hugeString(random: Random): string {
  return "A".repeat(1024 + Math.floor(random() * 300 * 1024));
}

function deepNesting(random: Random): Json {
  let value: Json = "x";
  for (let depth = 100 + Math.floor(random() * 5000); depth > 0; depth--) value = [value];
  return value;
}

function isContainer(value: Json): value is Container {
  return typeof value === "object" && value !== null;
}

/** The containers in `value` (itself included) down to the envelope's own depth. */
function containers(value: Json, depth = 0): Container[] {
  if (!isContainer(value) || depth > 3) return [];
  return [value, ...Object.values(value).flatMap((inner) => containers(inner, depth + 1))];
}

function setOwn(target: Container, key: string | number, value: Json): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function mutateOnce(root: Container, random: Random): void {
  const target = pick(random, containers(root));
  const keys = Object.keys(target);
  const kind = Math.floor(random() * 7);
  if (kind === 0 && !Array.isArray(target)) {
    setOwn(target, pick(random, UNKNOWN_KEYS), pickValue(random, [...WRONG_VALUES, null]));
    return;
  }
  if (keys.length === 0) {
    setOwn(target, Array.isArray(target) ? 0 : "extra", pick(random, PATHS));
    return;
  }
  const key = pick(random, keys);
  switch (kind) {
    case 1:
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
      return;
    case 2:
      return setOwn(target, key, null);
    case 3:
      return setOwn(target, key, hugeString(random));
    case 4:
      return setOwn(target, key, pick(random, PATHS));
    case 5:
      return setOwn(target, key, deepNesting(random));
    default:
      return setOwn(target, key, pickValue(random, WRONG_VALUES));
  }
}

/**
 * A deep copy of `envelope` with one to three random mutations.
 *
 * @example
 * ```ts
 * import { mutateEvent, seededRandom } from "./mutate_event.ts";
 * const mutated = mutateEvent({ event: "scan.started", metadata: {} }, seededRandom(1));
 * ```
 */
export function mutateEvent(envelope: unknown, random: Random): Record<string, unknown> {
  const copy = structuredClone(envelope) as { [key: string]: Json };
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) mutateOnce(copy, random);
  return copy;
}
