import { deepEqual, equal } from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { waitUntil } from "../helpers/background_processes.ts";
import { makeSandbox, ROOT, runBinary, type Sandbox } from "../helpers/run_binary.ts";
import { ACCEPTED, deliveredIds, startTestServer } from "../helpers/test_server.ts";

const BUN = join(ROOT, "node_modules", ".bin", "bun");

/** A host program of the library from the sources: two events, then close. */
function writeHost(box: Sandbox): string {
  const path = join(box.cwd, "host.ts");
  writeFileSync(
    path,
    `import process from "node:process";
import { createClient } from "${pathToFileURL(join(ROOT, "src", "mod.ts")).href}";
const telemetry = createClient({ version: "1.0.1", onBanner: (text) => process.stderr.write(text) });
telemetry.track("scan.started", {
  profile: "fast", tools: ["trivy"],
  target_types: { repos: 1, images: 0, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
});
telemetry.track("tool.failed", { tool: "trivy", failure_type: "timeout", exit_code: null, profile: "fast" });
telemetry.close();
console.log("done");
`,
  );
  return path;
}

/** The permissions the README gives a Deno host, scoped to the sandbox. */
function scopedPermissions(box: Sandbox): string[] {
  return [
    `--allow-read=${box.stateDir},${box.cwd}`,
    `--allow-write=${box.stateDir}`,
    "--allow-env",
    "--allow-run",
  ];
}

async function runTwice(
  box: Sandbox,
  command: (host: string) => { binary: string; args: string[] },
  endpoint: string,
) {
  const { binary, args } = command(writeHost(box));
  for (let run = 0; run < 2; run++) {
    const r = await runBinary(args, {
      binary,
      env: box.env({ JMO_TELEMETRY_ENDPOINT: endpoint }),
      cwd: box.cwd,
    });
    equal(r.code, 0, r.stderr);
    equal(r.stdout, "done\n");
  }
}

for (
  const [runtime, command] of [
    [
      "Deno, with the README's scoped permissions,",
      (box: Sandbox) => (host: string) => ({
        binary: Deno.execPath(),
        args: ["run", "--no-prompt", ...scopedPermissions(box), host],
      }),
    ],
    ["Bun", () => (host: string) => ({ binary: BUN, args: [host] })],
  ] as const
) {
  Deno.test(`under ${runtime} the library run twice delivers its four events through its own CLI started in the background`, async () => {
    const server = await startTestServer(() => ACCEPTED);
    const box = await makeSandbox();
    try {
      await runTwice(box, command(box), `${server.origin}/v1/events`);
      await waitUntil(() => deliveredIds(server).length >= 4, "the background flush");
      equal(deliveredIds(server).length, 4);
    } finally {
      await box.remove();
      await server.close();
    }
  });
}

Deno.test("under Deno with a permission missing the library throws nothing, prints nothing and records nothing", async () => {
  const box = await makeSandbox();
  const host = writeHost(box);
  const full = scopedPermissions(box);
  const variants: Record<string, string[]> = {
    "no --allow-env": full.filter((p) => p !== "--allow-env"),
    "--allow-env without the consent variables": [
      ...full.filter((p) => p !== "--allow-env"),
      "--allow-env=HOME,JMO_TELEMETRY_ENDPOINT",
    ],
    "no --allow-read": full.filter((p) => !p.startsWith("--allow-read")),
    "no --allow-write": full.filter((p) => !p.startsWith("--allow-write")),
    "no permission at all": [],
  };
  try {
    for (const [variant, permissions] of Object.entries(variants)) {
      const r = await runBinary(["run", "--no-prompt", ...permissions, host], {
        binary: Deno.execPath(),
        env: box.env(),
        cwd: box.cwd,
      });
      equal(r.code, 0, `${variant}: ${r.stderr}`);
      deepEqual([r.stdout, r.stderr], ["done\n", ""], variant);
      equal(existsSync(box.stateDir), false, variant);
    }
  } finally {
    await box.remove();
  }
});
