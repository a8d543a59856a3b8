import assert from "node:assert/strict";
import { rateLimitKey } from "../../collector/src/mod.ts";

const DAY = new Date("2026-12-01T10:00:00Z");

Deno.test("the rate-limit key is stable for one address, secret and UTC day, and distinct per address", async () => {
  const key = await rateLimitKey("203.0.113.7", "secret", DAY);
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.equal(await rateLimitKey("203.0.113.7", "secret", new Date("2026-12-01T23:59:59Z")), key);
  assert.notEqual(await rateLimitKey("203.0.113.8", "secret", DAY), key);
  assert.match(await rateLimitKey(null, "secret", DAY), /^[0-9a-f]{64}$/);
});

Deno.test("without the Worker secret a rate-limit key cannot be matched to an address by trying addresses", async () => {
  const key = await rateLimitKey("203.0.113.7", "secret", DAY);
  assert.notEqual(await rateLimitKey("203.0.113.7", "another secret", DAY), key);
  const unkeyed = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode("203.0.113.7")),
  );
  assert.notEqual(Array.from(unkeyed, (b) => b.toString(16).padStart(2, "0")).join(""), key);
});

Deno.test("the rate-limit key of an address changes with the UTC day", async () => {
  const next = new Date("2026-12-02T00:00:00Z");
  assert.notEqual(
    await rateLimitKey("203.0.113.7", "secret", next),
    await rateLimitKey("203.0.113.7", "secret", DAY),
  );
});
