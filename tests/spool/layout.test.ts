import { deepEqual, match } from "node:assert/strict";
import { makeName, parseName } from "../../src/spool/mod.ts";

Deno.test("a segment name made with a scope reads back its time, pid and scope", () => {
  const name = makeName(1_700_000_000_000, 42, ".ndjson", "0badf00d");
  match(name, /^1700000000000-42@0badf00d-[0-9a-f]{8}\.ndjson$/);
  deepEqual(parseName(name), { createdMs: 1_700_000_000_000, pid: 42, scope: "0badf00d" });
});

Deno.test("a name without a scope (a claim, or a segment of an older client) reads with an empty scope", () => {
  deepEqual(parseName(makeName(1_700_000_000_000, 42)), {
    createdMs: 1_700_000_000_000,
    pid: 42,
    scope: "",
  });
  deepEqual(parseName("1700000000000-42-1a2b3c4d.ndjson"), {
    createdMs: 1_700_000_000_000,
    pid: 42,
    scope: "",
  });
});

Deno.test("a name of another form reads as undefined", () => {
  deepEqual(parseName("notes.ndjson"), undefined);
  deepEqual(parseName("1700000000000-42@xyz-1a2b3c4d.ndjson"), undefined);
});
