import assert from "node:assert/strict";
import { adminTokenMatches, bearerToken, constantTimeEqual } from "../../collector/src/mod.ts";

Deno.test("only an Authorization: Bearer header yields a token", () => {
  assert.equal(bearerToken("Bearer abc"), "abc");
  assert.equal(bearerToken("bearer abc"), "abc");
  assert.equal(bearerToken("Basic abc"), undefined);
  assert.equal(bearerToken("Bearer"), undefined);
  assert.equal(bearerToken("Bearer a b"), undefined);
  assert.equal(bearerToken(null), undefined);
});

Deno.test("byte strings compare equal only with the same length and content", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  assert.ok(constantTimeEqual(bytes("token"), bytes("token")));
  assert.ok(!constantTimeEqual(bytes("token"), bytes("tokeN")));
  assert.ok(!constantTimeEqual(bytes("token"), bytes("token2")));
  assert.ok(constantTimeEqual(bytes(""), bytes("")));
});

Deno.test("the admin token matches only itself, and no token configured matches nothing", async () => {
  assert.ok(await adminTokenMatches("Bearer s3cret", "s3cret"));
  assert.ok(!await adminTokenMatches("Bearer s3cre", "s3cret"));
  assert.ok(!await adminTokenMatches("Bearer s3cret", undefined));
  assert.ok(!await adminTokenMatches("Bearer ", ""));
  assert.ok(!await adminTokenMatches(null, "s3cret"));
});
