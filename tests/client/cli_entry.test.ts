import { equal } from "node:assert/strict";
import { existsSync } from "node:fs";
import { cliEntry } from "../../src/client/cli_entry.ts";

Deno.test("cliEntry names the CLI next to the library: the sources' bin, the npm build's Node bin, JSR's cli export of the same version, none inside a host's bundle", () => {
  equal(existsSync(cliEntry()!), true);
  equal(cliEntry()!.endsWith("/src/cli/bin.ts"), true);
  for (const module of ["esm/mod.js", "esm/chunk-2f1x8q.js", "esm/client/cli_entry.js"]) {
    equal(
      cliEntry(`file:///app/node_modules/jmo-telemetry/${module}`),
      "/app/node_modules/jmo-telemetry/esm/node/bin.js",
    );
  }
  equal(cliEntry("file:///app/dist/server.js"), undefined, "bundled into a host's own file");
  equal(
    cliEntry("https://jsr.io/@jmo/telemetry/0.3.1/src/client/cli_entry.ts"),
    "jsr:@jmo/telemetry@0.3.1/cli",
  );
});
