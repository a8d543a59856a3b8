/**
 * A fast, seeded 53-bit string hash (cyrb53): not cryptographic.
 *
 * @module
 */

/**
 * The 53-bit hash of `text` with `seed` (cyrb53), as a safe integer. Spread
 * well enough for sketches and cache keys; never a secret.
 *
 * @example
 * ```ts
 * import { hash53 } from "./hash53.ts";
 * hash53("trivy") === hash53("trivy"); // true
 * hash53("trivy", 1) === hash53("trivy", 2); // false
 * ```
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
