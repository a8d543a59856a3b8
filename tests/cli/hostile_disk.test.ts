import { deepEqual, equal, match } from "node:assert/strict";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { deliverySandbox } from "../helpers/delivery_sandbox.ts";
import { showNotice } from "../helpers/show_notice.ts";
import { ACCEPTED, deliveredIds } from "../helpers/test_server.ts";
import {
  makeSandbox,
  runBinary,
  type Sandbox,
  trackArgs,
  VALID_METADATA,
} from "../helpers/run_binary.ts";

/**
 * Runs the binary with `args` (default `track scan.started`) and HOME on a
 * filesystem mounted for the test in a private mount namespace (the suite
 * runs as root, where file modes do not stop writes). `prepare` runs first
 * in the shell, where `$0` is the binary and `$META` a valid `tool.failed`
 * metadata; the working directory is `cwd` (the sandbox's, never the repository).
 */
async function runOnMount(
  mountOptions: string,
  prepare: string,
  env: Record<string, string>,
  home: string,
  { args = trackArgs("scan.started"), cwd }: { args?: string[]; cwd: string },
) {
  const script = `mount -t tmpfs -o ${mountOptions} tmpfs "$HOME" && ${prepare} exec "$0" "$@"`;
  return await runBinary(args, {
    env: { ...env, HOME: home, META: JSON.stringify(VALID_METADATA["tool.failed"]) },
    cwd,
    wrapper: ["unshare", "-m", "sh", "-c", script],
  });
}

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function shortLines(stderr: string): number {
  return stderr.trim() === "" ? 0 : stderr.trim().split("\n").length;
}

const BANNER_FREE = { JMO_TELEMETRY_DEBUG: "0" };

/** Runs `args` in the sandbox after one event was recorded and its mounted HOME made read-only. */
function runReadOnly(box: Sandbox, args: string[]) {
  const prepare =
    `"$0" track tool.failed --meta "$META" 2>/dev/null && mount -o remount,ro "$HOME" &&`;
  return runOnMount("rw", prepare, box.env(), box.home, { args, cwd: box.cwd });
}

Deno.test("track on a read-only HOME exits 0 with at most one short line on stderr", async () => {
  const box = await makeSandbox();
  const r = await runOnMount("ro", "", box.env(BANNER_FREE), box.home, { cwd: box.cwd });
  equal(r.code, 0, r.stderr);
  equal(r.stdout, "");
  equal(shortLines(r.stderr) <= 1, true, r.stderr);
  await box.remove();
});

Deno.test("track on a full disk exits 0 with at most one short line on stderr", async () => {
  const box = await makeSandbox();
  const fill = `dd if=/dev/zero of="$HOME/fill" bs=1k count=64 2>/dev/null;`;
  const r = await runOnMount("size=64k", fill, box.env(BANNER_FREE), box.home, { cwd: box.cwd });
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
  const out = await box.run(trackArgs("scan.started"), {
    wrapper: ["sh", "-c", 'exec "$0" "$@" 2>/dev/full'],
  });
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

for (const command of ["status", "show"]) {
  Deno.test(`${command} on a read-only HOME still reports and exits 0`, async () => {
    const box = await makeSandbox();
    const r = await runReadOnly(box, [command]);
    equal(r.code, 0, r.stderr);
    equal(r.stderr, "");
    match(r.stdout, command === "status" ? /Pending: +1 event,/ : /"event":"tool\.failed"/);
    await box.remove();
  });
}

Deno.test("purge on a read-only HOME exits 1 saying it could not delete, and no internal error", async () => {
  const box = await makeSandbox();
  const r = await runReadOnly(box, ["purge"]);
  equal(r.code, 1);
  equal(r.stdout, "");
  match(
    r.stderr,
    /^jmo-telemetry purge: could not delete the pending events in \S+spool \(read-only file system\); some or all are still there: make it writable, then run `jmo-telemetry purge` again\n$/,
  );
  await box.remove();
});

for (const flag of ["--rotate", "--delete"]) {
  Deno.test(`id ${flag} on a read-only HOME exits 1 saying the file system is read-only, no internal error`, async () => {
    const box = await makeSandbox();
    const r = await runReadOnly(box, ["id", flag]);
    equal(r.code, 1);
    match(r.stderr, /^jmo-telemetry id: read-only file system at \S+; check that the state folder/);
    equal(r.stderr.includes("internal error"), false);
    await box.remove();
  });
}

Deno.test("disable on a read-only HOME records the choice and says the pending events could not be deleted", async () => {
  const box = await makeSandbox();
  const r = await runReadOnly(box, ["disable"]);
  equal(r.code, 0, r.stderr);
  match(r.stdout, /^Telemetry disabled in /);
  match(
    r.stderr,
    /^jmo-telemetry: events still pending in \S+ could not be deleted \(read-only file system\)/,
  );
  await box.remove();
});

Deno.test("a scan.started whose state.json cannot be written says the event was recorded, never 'not recorded'", async () => {
  const box = await makeSandbox();
  Deno.mkdirSync(join(box.stateDir, "state.json"), { recursive: true });
  const r = await box.run(trackArgs("scan.started"));
  equal(r.code, 0);
  equal(
    r.stderr,
    "jmo-telemetry: event recorded; state.json could not be updated (is a folder); your command is unaffected\n",
  );
  equal((await box.run(["show"])).stdout.trim().split("\n").length, 1);
  await box.remove();
});

Deno.test("track with JMO_HOME naming a file says in words that it is not a folder", async () => {
  const box = await makeSandbox();
  const file = join(box.home, "a-file");
  Deno.writeTextFileSync(file, "");
  const r = await box.run(trackArgs("tool.failed"), { env: { JMO_HOME: file } });
  equal(r.code, 0);
  equal(
    r.stderr,
    `jmo-telemetry: event not recorded: cannot write in ${file} (exists and is not a folder); your command is unaffected\n`,
  );
  await box.remove();
});

Deno.test("status and show with a file where the spool folder goes report, without an internal error", async () => {
  const box = await makeSandbox();
  Deno.mkdirSync(box.stateDir);
  Deno.writeTextFileSync(join(box.stateDir, "spool"), "a file where the spool folder goes");
  const status = await box.run(["status"]);
  equal(status.code, 0, status.stderr);
  match(status.stdout, /Pending: +0 events/);
  const show = await box.run(["show"]);
  equal(show.code, 0, show.stderr);
  equal(show.stdout + show.stderr, "");
  await box.remove();
});

Deno.test("flush on a full disk still sends every pending event and exits 0: sending needs no room", async () => {
  const t = await deliverySandbox(ACCEPTED);
  // Two scans show the notice and release it; three events wait; then the disk fills up.
  const prepare = [
    `"$0" track scan.started --meta "$SCAN" 2>/dev/null &&`,
    `"$0" track scan.started --meta "$SCAN" 2>/dev/null &&`,
    `for i in 1 2 3; do "$0" track tool.failed --meta "$META" || exit 9; done &&`,
    `{ dd if=/dev/zero of="$HOME/fill" bs=4k 2>/dev/null; true; } &&`,
  ].join(" ");
  const env = { ...t.box.env(t.env), SCAN: JSON.stringify(VALID_METADATA["scan.started"]) };
  const r = await runOnMount("size=256k", prepare, env, t.box.home, {
    args: ["flush"],
    cwd: t.box.cwd,
  });
  equal(r.code, 0, r.stdout + r.stderr);
  match(r.stdout, /^Sent: +5 events in 1 batch/);
  equal(deliveredIds(t.server).length, 5);
  await t.remove();
});

Deno.test("a file-size limit (ulimit -f) is named as such: track records nothing torn, flush never exits 1 and leaves no empty file", async () => {
  const t = await deliverySandbox(ACCEPTED);
  showNotice(t.box.home);
  const limited = (args: string[]) =>
    t.box.run(args, { env: t.env, wrapper: ["prlimit", "--fsize=16"] });
  const track = await limited(trackArgs("tool.failed"));
  equal(track.code, 0);
  match(track.stderr, /event not recorded: .*\(over the file-size limit \(ulimit -f\)\)/);
  const flush = await limited(["flush"]);
  equal(flush.code, 0, flush.stdout + flush.stderr);
  match(flush.stdout, /^Sent: +1 event in 1 batch/);
  match(
    flush.stdout,
    /audit\.jsonl not written \(over the file-size limit \(ulimit -f\)\)/,
  );
  equal((flush.stdout + flush.stderr).includes("1 MiB"), false);
  const empty = filesUnder(t.box.stateDir).filter((path) => statSync(path).size === 0);
  deepEqual(empty, []);
  await t.remove();
});
