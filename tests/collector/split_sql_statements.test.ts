import assert from "node:assert/strict";
import { join } from "node:path";
import { MIGRATIONS_DIR, splitSqlStatements } from "../../collector/local/mod.ts";

Deno.test("SQL splits at top-level semicolons, skipping comments and quoted text", () => {
  assert.deepEqual(
    splitSqlStatements(
      "-- a; comment\nCREATE TABLE t (a TEXT DEFAULT ';', \"b;\" TEXT); /* x; */\n" +
        "INSERT INTO t VALUES ('it''s; fine');;\n",
    ),
    ["CREATE TABLE t (a TEXT DEFAULT ';', \"b;\" TEXT)", "INSERT INTO t VALUES ('it''s; fine')"],
  );
});

Deno.test("the first migration holds the events table with a unique event_id and its indexes", async () => {
  const statements = splitSqlStatements(
    await Deno.readTextFile(join(MIGRATIONS_DIR, "0001_init.sql")),
  );
  assert.match(statements[0], /^CREATE TABLE events \(/);
  assert.match(statements[0], /event_id TEXT NOT NULL UNIQUE/);
  assert.match(statements[0], /received_at TEXT NOT NULL/);
  assert.doesNotMatch(statements[0], /\b(ip|address|user_agent|headers?)\b/i);
  assert.deepEqual(statements.slice(1).map((s) => /^CREATE INDEX (\w+)/.exec(s)?.[1]), [
    "idx_event_type",
    "idx_timestamp",
    "idx_anonymous_id",
    "idx_received_at",
  ]);
});
