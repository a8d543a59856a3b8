import { equal, match } from "node:assert/strict";
import { COMMANDS as REGISTRY } from "../../src/cli/registry.ts";
import { makeSandbox } from "../helpers/run_binary.ts";

const COMMANDS = Object.keys(REGISTRY);

Deno.test("--help works on every command and exits 0", async () => {
  const box = await makeSandbox();
  for (const command of COMMANDS) {
    const r = await box.run([command, "--help"]);
    equal(r.code, 0, command);
    match(r.stdout, /Usage: jmo-telemetry/, command);
  }
  const top = await box.run(["--help"]);
  equal(top.code, 0);
  for (const command of COMMANDS) match(top.stdout, new RegExp(`\\n  ${command} `));
  await box.remove();
});

Deno.test("--version prints the version, alone and after a command", async () => {
  const box = await makeSandbox();
  const version =
    JSON.parse(Deno.readTextFileSync(new URL("../../deno.json", import.meta.url))).version;
  equal((await box.run(["--version"])).stdout, `jmo-telemetry ${version}\n`);
  equal((await box.run(["status", "--version"])).stdout, `jmo-telemetry ${version}\n`);
  await box.remove();
});

Deno.test("an unknown command or flag exits 2 with usage on stderr", async () => {
  const box = await makeSandbox();
  const command = await box.run(["frobnicate"]);
  equal(command.code, 2);
  match(command.stderr, /unknown command 'frobnicate'/);
  match(command.stderr, /Usage:/);
  const flag = await box.run(["status", "--colour"]);
  equal(flag.code, 2);
  match(flag.stderr, /Unknown option '--colour'/);
  match(flag.stderr, /Usage: jmo-telemetry status/);
  const missing = await box.run(["track"]);
  equal(missing.code, 2);
  match(missing.stderr, /missing EVENT/);
  const mode = await box.run(["track", "scan.started", "--mode", "server"]);
  equal(mode.code, 2);
  await box.remove();
});
