/**
 * Checks the maintainers' `Authorization: Bearer <ADMIN_TOKEN>` in constant
 * time: both sides are HMAC-ed with a fresh random key, and the equal-length
 * digests are compared with an XOR loop, so neither the length nor the content
 * of the token leaks through timing.
 *
 * @module
 */

/**
 * The token of an `Authorization: Bearer <token>` header, or `undefined`.
 *
 * @example
 * ```ts
 * import { bearerToken } from "./admin_token.ts";
 * bearerToken("Bearer s3cret"); // "s3cret"
 * bearerToken("Basic s3cret"); // undefined
 * ```
 */
export function bearerToken(authorization: string | null): string | undefined {
  const match = /^Bearer +(\S+) *$/i.exec(authorization ?? "");
  return match?.[1];
}

/**
 * Whether two byte strings are equal, taking the same time whatever the
 * first difference. Different lengths are unequal.
 *
 * @example
 * ```ts
 * import { constantTimeEqual } from "./admin_token.ts";
 * constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])); // true
 * constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])); // false
 * ```
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let difference = 0;
  for (let i = 0; i < a.byteLength; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

async function hmac(key: CryptoKey, text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(text)));
}

/**
 * Whether the `Authorization` header carries the configured admin token. No
 * token configured (absent or empty) matches nothing.
 *
 * @example
 * ```ts
 * import { adminTokenMatches } from "./admin_token.ts";
 * await adminTokenMatches("Bearer s3cret", "s3cret"); // true
 * await adminTokenMatches("Bearer s3cret", undefined); // false
 * ```
 */
export async function adminTokenMatches(
  authorization: string | null,
  adminToken: string | undefined,
): Promise<boolean> {
  const given = bearerToken(authorization);
  if (given === undefined || adminToken === undefined || adminToken === "") return false;
  const key = await crypto.subtle.importKey(
    "raw",
    crypto.getRandomValues(new Uint8Array(32)),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return constantTimeEqual(await hmac(key, given), await hmac(key, adminToken));
}
