import { deepEqual } from "node:assert/strict";
import { backgroundFlushCommand } from "../../src/transport/mod.ts";

Deno.test("the compiled binary runs itself again: flush --background", () => {
  deepEqual(
    backgroundFlushCommand({
      execPath: "/usr/local/bin/jmo-telemetry",
      argv: ["bun", "/$bunfs/root/jmo-telemetry", "track", "scan.started"],
      deno: false,
    }, []),
    ["/usr/local/bin/jmo-telemetry", ["flush", "--background"]],
  );
  deepEqual(
    backgroundFlushCommand({
      execPath: "C:\\Tools\\jmo-telemetry.exe",
      argv: ["bun", "B:\\~BUN\\root\\jmo-telemetry.exe"],
      deno: false,
    }, ["--config", "ci/jmo.yml"]),
    ["C:\\Tools\\jmo-telemetry.exe", ["flush", "--background", "--config", "ci/jmo.yml"]],
  );
});

Deno.test("under Deno and Node the runtime runs the CLI script again", () => {
  deepEqual(
    backgroundFlushCommand({
      execPath: "/usr/bin/deno",
      argv: ["/usr/bin/deno", "/src/cli/bin.ts", "track"],
      deno: true,
    }, []),
    ["/usr/bin/deno", ["run", "-A", "/src/cli/bin.ts", "flush", "--background"]],
  );
  deepEqual(
    backgroundFlushCommand({
      execPath: "/usr/bin/node",
      argv: ["/usr/bin/node", "/npm/bin/jmo-telemetry.js", "track"],
      deno: false,
    }, []),
    ["/usr/bin/node", ["/npm/bin/jmo-telemetry.js", "flush", "--background"]],
  );
});
