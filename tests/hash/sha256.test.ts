import assert from "node:assert/strict";
import { hmacSha256, sha256 } from "../../src/hash/mod.ts";

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

Deno.test("sha256 gives the digest the platform's crypto gives, across block boundaries", async () => {
  for (const length of [0, 3, 55, 56, 63, 64, 65, 119, 120, 1000]) {
    const data = crypto.getRandomValues(new Uint8Array(length));
    const want = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
    assert.equal(hex(sha256(data)), hex(want), `${length} bytes`);
  }
});

Deno.test("hmacSha256 gives the HMAC the platform's crypto gives, for short and long keys", async () => {
  for (
    const key of [
      "k",
      "k".repeat(64),
      "a secret longer than one block of sixty-four bytes, hashed first",
    ]
  ) {
    const imported = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(key),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const message = `2026-Q1\nplatforms\nLinux\ninstalls ${key.length}`;
    const want = await crypto.subtle.sign("HMAC", imported, new TextEncoder().encode(message));
    assert.equal(hex(hmacSha256(key, message)), hex(new Uint8Array(want)));
  }
});
