import { equal, match } from "node:assert/strict";
import { join } from "node:path";
import {
  BINARY,
  cleanEnv,
  makeSandbox,
  type RunResult,
  type Sandbox,
  trackArgs,
  VALID_METADATA,
} from "../helpers/run_binary.ts";

/** How long a run may take before it is taken to hang, killed, and the test failed. */
const DEADLINE_MS = 5_000;

/** Runs the binary in the sandbox like `box.run`, killing it and failing if it runs past the deadline. */
async function runGuarded(
  box: Sandbox,
  args: string[],
  env: Record<string, string> = {},
): Promise<RunResult> {
  const out = await new Deno.Command(BINARY, {
    args,
    env: cleanEnv(box.home, env),
    clearEnv: true,
    cwd: box.cwd,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(DEADLINE_MS),
  }).output();
  equal(out.signal, null, `jmo-telemetry ${args.join(" ")} hung and was killed`);
  const decoder = new TextDecoder();
  return { code: out.code, stdout: decoder.decode(out.stdout), stderr: decoder.decode(out.stderr) };
}

async function mkfifo(path: string): Promise<void> {
  await Deno.remove(path).catch(() => {});
  equal((await new Deno.Command("mkfifo", { args: [path] }).output()).code, 0);
}

async function pendingCount(box: Sandbox): Promise<number> {
  return JSON.parse((await runGuarded(box, ["status", "--json"])).stdout).pending.events;
}

const SPECIAL_STATE_FILES: [string, string, (path: string) => Promise<void>][] = [
  ["telemetry-id", "a FIFO", mkfifo],
  ["scan-count", "a FIFO", mkfifo],
  ["state.json", "a FIFO", mkfifo],
  ["telemetry-id", "a link to /dev/zero", async (path) => {
    await Deno.remove(path);
    await Deno.symlink("/dev/zero", path);
  }],
];

for (const [file, kind, make] of SPECIAL_STATE_FILES) {
  Deno.test(`track exits 0 at once and records the event when ${file} is ${kind}`, async () => {
    const box = await makeSandbox();
    equal((await runGuarded(box, trackArgs("tool.failed"))).code, 0);
    await make(join(box.stateDir, file));
    const r = await runGuarded(box, trackArgs("scan.started"));
    equal(r.code, 0, r.stderr);
    equal(await pendingCount(box), 2);
    await box.remove();
  });
}

Deno.test("track exits 0 at once when jmo.yml is a FIFO, and status says the config was ignored", async () => {
  const box = await makeSandbox();
  await mkfifo(join(box.cwd, "jmo.yml"));
  const r = await runGuarded(box, trackArgs("tool.failed"));
  equal(r.code, 0, r.stderr);
  equal(await pendingCount(box), 1);
  const status = await runGuarded(box, ["status"]);
  match(status.stdout, /Config ignored: .*jmo\.yml: cannot be read \(not a regular file\)/);
  await box.remove();
});

Deno.test("track exits 0 at once with --config /dev/zero", async () => {
  const box = await makeSandbox();
  const r = await runGuarded(box, trackArgs("tool.failed", ["--config", "/dev/zero"]));
  equal(r.code, 0, r.stderr);
  equal(await pendingCount(box), 1);
  await box.remove();
});

for (const kind of ["a FIFO", "/dev/zero"]) {
  Deno.test(`track refuses a --meta-file that is ${kind} with exit 2 at once and records nothing`, async () => {
    const box = await makeSandbox();
    const path = kind === "a FIFO" ? join(box.cwd, "meta.json") : "/dev/zero";
    if (kind === "a FIFO") await mkfifo(path);
    const r = await runGuarded(box, ["track", "tool.failed", "--meta-file", path]);
    equal(r.code, 2);
    match(
      r.stderr,
      /^jmo-telemetry track: cannot read --meta-file .* \(not a regular file\): give a regular file of at most 1 MiB, or - for stdin\n/,
    );
    equal(await pendingCount(box), 0);
    await box.remove();
  });
}

Deno.test("track reads a --meta-file or stdin that starts with a UTF-8 byte-order mark, as PowerShell 5 writes it", async () => {
  const box = await makeSandbox();
  const withBom = "\uFEFF" + JSON.stringify(VALID_METADATA["tool.failed"]);
  const file = join(box.cwd, "meta.json");
  Deno.writeTextFileSync(file, withBom);
  const fromFile = await runGuarded(box, ["track", "tool.failed", "--meta-file", file]);
  equal(fromFile.code, 0, fromFile.stderr);
  const fromStdin = await box.run(["track", "tool.failed", "--meta-file", "-"], { stdin: withBom });
  equal(fromStdin.code, 0, fromStdin.stderr);
  equal(await pendingCount(box), 2);
  await box.remove();
});

Deno.test("track --meta-file - with an endless standard input stops at 1 MiB and refuses it, exit 2", async () => {
  const box = await makeSandbox();
  const out = await new Deno.Command("sh", {
    args: ["-c", 'exec "$0" track tool.failed --meta-file - < /dev/zero', BINARY],
    env: cleanEnv(box.home),
    clearEnv: true,
    cwd: box.cwd,
    stdout: "piped",
    stderr: "piped",
    signal: AbortSignal.timeout(DEADLINE_MS),
  }).output();
  equal(out.signal, null, "track read /dev/zero without end and was killed");
  equal(out.code, 2);
  match(new TextDecoder().decode(out.stderr), /cannot read --meta-file - \(larger than 1 MiB\)/);
  await box.remove();
});
