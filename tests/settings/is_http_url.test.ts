import { equal } from "node:assert/strict";
import { isHttpUrl } from "../../src/settings/mod.ts";

Deno.test("isHttpUrl accepts absolute http and https URLs only", () => {
  const verdicts: [string, boolean][] = [
    ["https://telemetry.jmotools.com/v1/events", true],
    ["http://127.0.0.1:8787/v1/events", true],
    ["ftp://example.com/", false],
    ["telemetry.jmotools.com/v1/events", false],
    ["file:///etc/passwd", false],
    ["", false],
  ];
  for (const [value, expected] of verdicts) equal(isHttpUrl(value), expected, value);
});
