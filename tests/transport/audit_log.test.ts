import { equal, ok } from "node:assert/strict";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { appendAudit, AUDIT_MAX_BYTES } from "../../src/transport/mod.ts";
import { tempHome } from "../spool/spool_files.ts";

const entry = (body: string) => ({
  time: "2026-11-23T10:00:00.000Z",
  batch: "1a2b3c4d",
  outcome: "attempt" as const,
  transport: "collector" as const,
  endpoint_host: "127.0.0.1:8787",
  events: 1,
  body,
});

Deno.test("each audit line holds the time, transport, host, count and the exact body", async () => {
  const { home, remove } = await tempHome();
  const body = '{"events":[{"event_id":"a","note":"\\u00e9"}]}';
  appendAudit(home, entry(body));
  const line = JSON.parse(readFileSync(join(home, "audit.jsonl"), "utf8"));
  equal(line.body, body);
  equal(line.endpoint_host, "127.0.0.1:8787");
  equal(line.transport, "collector");
  equal(line.events, 1);
  await remove();
});

Deno.test("the audit log rotates before it would pass 1 MiB and keeps one older file", async () => {
  const { home, remove } = await tempHome();
  const body = "x".repeat(100_000);
  for (let i = 0; i < 25; i++) appendAudit(home, entry(body));
  const current = join(home, "audit.jsonl");
  ok(statSync(current).size <= AUDIT_MAX_BYTES);
  ok(statSync(current + ".1").size <= AUDIT_MAX_BYTES);
  equal(existsSync(current + ".2"), false);
  const lines = (readFileSync(current, "utf8") + readFileSync(current + ".1", "utf8"))
    .trim().split("\n");
  for (const line of lines) equal(JSON.parse(line).body, body);
  await remove();
});
