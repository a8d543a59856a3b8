import { equal } from "node:assert/strict";
import { existsSync } from "node:fs";
import { cliEntry } from "../../src/client/cli_entry.ts";

Deno.test("cliEntry names the CLI next to the library: the sources' bin, the npm build's Node bin, JSR's cli export of the same version", () => {
  equal(existsSync(cliEntry()), true);
  equal(cliEntry().endsWith("/src/cli/bin.ts"), true);
  equal(
    cliEntry("file:///app/node_modules/jmo-telemetry/esm/client/cli_entry.js"),
    "/app/node_modules/jmo-telemetry/esm/node/bin.js",
  );
  equal(
    cliEntry("https://jsr.io/@jmo/telemetry/0.3.1/src/client/cli_entry.ts"),
    "jsr:@jmo/telemetry@0.3.1/cli",
  );
});
