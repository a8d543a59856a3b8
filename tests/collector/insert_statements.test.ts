import assert from "node:assert/strict";
import { EVENT_COLUMNS, insertStatements, MAX_BOUND_PARAMETERS } from "../../collector/src/mod.ts";

function rows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => EVENT_COLUMNS.map((c) => `${c}-${i}`));
}

Deno.test("500 rows become inserts that skip stored ids, of at most 100 bound parameters", () => {
  const statements = insertStatements(rows(500));
  assert.equal(statements.length, Math.ceil(500 / Math.floor(MAX_BOUND_PARAMETERS / 10)));
  for (const { sql, params } of statements) {
    assert.ok(params.length <= MAX_BOUND_PARAMETERS);
    assert.equal(sql.split("?").length - 1, params.length);
    assert.match(sql, /^INSERT INTO events \(event_id, /);
    assert.match(sql, / ON CONFLICT DO NOTHING RETURNING event_id$/);
  }
  assert.deepEqual(statements.flatMap((s) => s.params), rows(500).flat());
});

Deno.test("a last partial chunk holds the remaining rows", () => {
  assert.deepEqual(insertStatements(rows(25)).map((s) => s.params.length), [100, 100, 50]);
  assert.deepEqual(insertStatements([]), []);
});

Deno.test("a parameter limit below one row's width is refused", () => {
  assert.throws(() => insertStatements(rows(1), EVENT_COLUMNS.length - 1), RangeError);
});
