import assert from "node:assert/strict";
import { rateLimitKey } from "../../collector/src/mod.ts";

Deno.test("the rate-limit key is a digest that does not reveal the address", async () => {
  const key = await rateLimitKey("203.0.113.7");
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.ok(!key.includes("203"));
  assert.equal(await rateLimitKey("203.0.113.7"), key, "stable for one address");
  assert.notEqual(await rateLimitKey("203.0.113.8"), key, "distinct per address");
  assert.match(await rateLimitKey(null), /^[0-9a-f]{64}$/);
});
