import { equal } from "node:assert/strict";
import { escapeControl } from "../../src/analytics/mod.ts";

Deno.test("C0 controls, DEL and C1 controls are shown as their \\u escapes; other text is kept", () => {
  equal(
    escapeControl("\u001b]2;PWNED\u0007\u001b[2J"),
    "\\u001b]2;PWNED\\u0007\\u001b[2J",
  );
  equal(
    escapeControl("a\nb\tc\u0000d\u007fe\u009bf\u0080"),
    "a\\u000ab\\u0009c\\u0000d\\u007fe\\u009bf\\u0080",
  );
  equal(escapeControl("C:\\events\\été 2026 ✓.jsonl"), "C:\\events\\été 2026 ✓.jsonl");
});
