import assert from "node:assert/strict";
import { parseSince } from "../../collector/src/mod.ts";

Deno.test("since accepts a date or a date-time with Z or an offset, normalised to UTC", () => {
  assert.deepEqual(parseSince(null), { ok: true, since: "" });
  const accepted: [string, string][] = [
    ["2025-10-01", "2025-10-01T00:00:00.000Z"],
    ["2025-10-01T14:48:00Z", "2025-10-01T14:48:00.000Z"],
    ["2025-10-01T02:00:00+02:00", "2025-10-01T00:00:00.000Z"],
    ["2025-10-01T00:00Z", "2025-10-01T00:00:00.000Z"],
    ["2025-10-01T00:00:00.250Z", "2025-10-01T00:00:00.250Z"],
  ];
  for (const [given, since] of accepted) assert.deepEqual(parseSince(given), { ok: true, since });
});

Deno.test("since refuses anything that is not an unambiguous calendar instant", () => {
  for (
    const value of [
      "",
      "yesterday",
      "2025-10-01T00:00:00",
      "2025-02-30",
      "2025-13-01",
      "2025-10-01T24:00:00Z",
      "2025-10-01 00:00:00Z",
      "1760000000",
      "2025-10-01' OR 1=1 --",
    ]
  ) {
    assert.deepEqual(parseSince(value), { ok: false }, value);
  }
});

Deno.test("since refuses years before 2000 and an offset that carries it past year 9999", () => {
  for (const value of ["0050-06-15", "1999-12-31T23:59:59Z", "9999-12-31T23:59:59-23:59"]) {
    assert.deepEqual(parseSince(value), { ok: false }, value);
  }
  assert.deepEqual(parseSince("9999-12-31T23:59:59Z"), {
    ok: true,
    since: "9999-12-31T23:59:59.000Z",
  });
});
