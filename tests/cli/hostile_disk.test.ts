import { equal } from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BINARY, makeSandbox, trackArgs } from "../helpers/run_binary.ts";

/**
 * Runs the binary with HOME on a filesystem mounted for the test in a private
 * mount namespace (the suite runs as root, where file modes do not stop writes).
 */
async function runOnMount(
  mountOptions: string,
  prepare: string,
  env: Record<string, string>,
  home: string,
) {
  const script = `mount -t tmpfs -o ${mountOptions} tmpfs "$HOME" && ${prepare} exec "$0" "$@"`;
  const out = await new Deno.Command("unshare", {
    args: ["-m", "sh", "-c", script, BINARY, ...trackArgs("scan.started")],
    env: { ...env, HOME: home },
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  return {
    code: out.code,
    stdout: new TextDecoder().decode(out.stdout),
    stderr: new TextDecoder().decode(out.stderr),
  };
}

function shortLines(stderr: string): number {
  return stderr.trim() === "" ? 0 : stderr.trim().split("\n").length;
}

const BANNER_FREE = { JMO_TELEMETRY_DEBUG: "0" };

Deno.test("track on a read-only HOME exits 0 with at most one short line on stderr", async () => {
  const box = await makeSandbox();
  const r = await runOnMount("ro", "", box.env(BANNER_FREE), box.home);
  equal(r.code, 0, r.stderr);
  equal(r.stdout, "");
  equal(shortLines(r.stderr) <= 1, true, r.stderr);
  await box.remove();
});

Deno.test("track on a full disk exits 0 with at most one short line on stderr", async () => {
  const box = await makeSandbox();
  const fill = `dd if=/dev/zero of="$HOME/fill" bs=1k count=64 2>/dev/null;`;
  const r = await runOnMount("size=64k", fill, box.env(BANNER_FREE), box.home);
  equal(r.code, 0, r.stderr);
  equal(r.stdout, "");
  equal(shortLines(r.stderr) <= 1, true, r.stderr);
  await box.remove();
});

Deno.test("track with a HOME that does not exist and cannot be made exits 0", async () => {
  const box = await makeSandbox();
  const file = join(box.home, "not-a-dir");
  Deno.writeTextFileSync(file, "");
  const r = await box.run(trackArgs("scan.started"), { env: { HOME: join(file, "home") } });
  equal(r.code, 0);
  equal(shortLines(r.stderr) <= 1, true, r.stderr);
  await box.remove();
});

Deno.test("track with unreadable state files still records and exits 0", async () => {
  const box = await makeSandbox();
  await box.run(trackArgs("tool.failed"));
  Deno.writeTextFileSync(join(box.stateDir, "state.json"), "\u0000garbage{");
  Deno.writeTextFileSync(join(box.stateDir, "scan-count"), "many");
  Deno.writeTextFileSync(join(box.stateDir, "telemetry-id"), "not an id");
  const r = await box.run(trackArgs("scan.started"));
  equal(r.code, 0);
  equal(JSON.parse((await box.run(["status", "--json"])).stdout).pending.events, 2);
  await box.remove();
});

Deno.test("track whose stderr is a full device still records and exits 0", async () => {
  const box = await makeSandbox();
  const out = await new Deno.Command("sh", {
    args: ["-c", 'exec "$0" "$@" 2>/dev/full', BINARY, ...trackArgs("scan.started")],
    env: box.env(),
    clearEnv: true,
    cwd: box.cwd,
    stdout: "piped",
  }).output();
  equal(out.code, 0, "the banner could not be written, and the host must not notice");
  equal(JSON.parse((await box.run(["status", "--json"])).stdout).pending.events, 1);
  await box.remove();
});

Deno.test("a track that cannot write its event leaves no anonymous id behind", async () => {
  const box = await makeSandbox();
  Deno.mkdirSync(box.stateDir);
  Deno.writeTextFileSync(join(box.stateDir, "spool"), "a file where the spool folder goes");
  const r = await box.run(trackArgs("tool.failed"));
  equal(r.code, 0);
  equal(shortLines(r.stderr), 1, r.stderr);
  equal(existsSync(join(box.stateDir, "telemetry-id")), false);
  await box.remove();
});

Deno.test("track with a HOME that does not exist records nothing and does not create it", async () => {
  const box = await makeSandbox();
  const missing = join(box.home, "gone");
  const r = await box.run(trackArgs("scan.started"), { env: { HOME: missing } });
  equal(r.code, 0);
  equal(shortLines(r.stderr), 1, r.stderr);
  equal(existsSync(missing), false);
  await box.remove();
});

Deno.test("track with JMO_HOME in a folder that does not exist yet makes it, parents and all", async () => {
  const box = await makeSandbox();
  const nested = join(box.home, "a", "b", "jmo");
  const r = await box.run(trackArgs("tool.failed"), { env: { JMO_HOME: nested } });
  equal(r.code, 0, r.stderr);
  equal(existsSync(join(nested, "telemetry-id")), true);
  await box.remove();
});
