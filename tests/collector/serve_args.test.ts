import assert from "node:assert/strict";
import { parseServeArgs } from "../../collector/local/mod.ts";

Deno.test("deno task collector defaults to port 8787 and .data/", () => {
  assert.deepEqual(parseServeArgs([]), { kind: "serve", port: 8787, dataDir: ".data" });
  assert.deepEqual(parseServeArgs(["--port", "0", "--data", "/tmp/d1"]), {
    kind: "serve",
    port: 0,
    dataDir: "/tmp/d1",
  });
  assert.deepEqual(parseServeArgs(["--port=9000"]), {
    kind: "serve",
    port: 9000,
    dataDir: ".data",
  });
  assert.deepEqual(parseServeArgs(["-h"]), { kind: "help" });
});

Deno.test("deno task collector refuses bad ports, an empty --data and unknown flags", () => {
  for (
    const args of [
      ["--port", "x"],
      ["--port", "65536"],
      ["--port", "-1"],
      ["--port", "1.5"],
      [
        "--data",
        "",
      ],
      ["--verbose"],
      ["extra"],
    ]
  ) {
    assert.equal(parseServeArgs(args).kind, "error", args.join(" "));
  }
});

Deno.test("deno task collector --scheduled-now takes --data only", () => {
  assert.deepEqual(parseServeArgs(["--scheduled-now"]), { kind: "scheduled", dataDir: ".data" });
  assert.deepEqual(parseServeArgs(["--scheduled-now", "--data", "/tmp/d1"]), {
    kind: "scheduled",
    dataDir: "/tmp/d1",
  });
  assert.equal(parseServeArgs(["--scheduled-now", "--port", "9000"]).kind, "error");
});
