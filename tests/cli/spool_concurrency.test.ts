import { equal } from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { validateEnvelope } from "../../src/events/mod.ts";
import { BINARY, makeSandbox, trackArgs } from "../helpers/run_binary.ts";

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function ids(showOutput: string): string[] {
  return showOutput.trim() === ""
    ? []
    : showOutput.trim().split("\n").map((l) => JSON.parse(l).event_id);
}

Deno.test("8 processes each tracking 25 events at once leave exactly 200 distinct pending events", async () => {
  const box = await makeSandbox();
  const worker = (n: number) =>
    new Deno.Command("sh", {
      args: [
        "-c",
        `for i in $(seq 25); do "$0" "$@" || exit 1; done`,
        BINARY,
        ...trackArgs(n % 2 ? "scan.started" : "tool.failed"),
      ],
      env: box.env(),
      clearEnv: true,
      cwd: box.cwd,
      stdout: "null",
      stderr: "null",
    }).output();
  const results = await Promise.all(Array.from({ length: 8 }, (_, n) => worker(n)));
  equal(results.every((r) => r.code === 0), true);
  const pending = ids((await box.run(["show"])).stdout);
  equal(pending.length, 200);
  equal(new Set(pending).size, 200);
  const status = JSON.parse((await box.run(["status", "--json"])).stdout);
  equal(status.pending.events, 200);
  equal(status.scan_count, 100);
  await box.remove();
});

Deno.test("track killed with SIGKILL at random moments never leaves a corrupt pending event", async () => {
  const box = await makeSandbox();
  let completed = 0;
  for (let round = 0; round < 40; round++) {
    const child = new Deno.Command(BINARY, {
      args: trackArgs(round % 3 ? "scan.completed" : "scan.started"),
      env: box.env(),
      clearEnv: true,
      cwd: box.cwd,
      stdout: "null",
      stderr: "null",
    }).spawn();
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
    try {
      child.kill("SIGKILL");
    } catch { /* it had finished already */ }
    const status = await child.status;
    if (status.success) completed += 1;
  }
  // `show` first: it adopts the killed writers' open segments (their process is
  // gone), keeping whole events and dropping a half-written last line. Then the
  // raw spool, not `show` (which skips damaged lines): every segment outside
  // open/, wherever it was moved, holds only whole, valid events, all shown.
  const show = await box.run(["show"]);
  equal(show.code, 0);
  const lines = show.stdout.trim() === "" ? [] : show.stdout.trim().split("\n");
  const spool = join(box.stateDir, "spool");
  const outside = (dir: string) => !dir.startsWith(join(spool, "open"));
  const sealed = filesUnder(spool).filter((path) =>
    outside(path) && !path.startsWith(join(spool, "rejected")) && path.endsWith(".ndjson")
  );
  const raw = sealed.flatMap((path) => {
    const text = readFileSync(path, "utf8");
    equal(text.endsWith("\n"), true, `${path} ends in a whole line`);
    return text.slice(0, -1).split("\n");
  });
  for (const line of raw) equal(validateEnvelope(JSON.parse(line)).ok, true, line);
  equal(lines.length, raw.length, "show prints every sealed event");
  equal(lines.length >= completed, true, `${lines.length} pending, ${completed} completed`);
  const status = await box.run(["status", "--json"]);
  equal(status.code, 0);
  const after = await box.run(trackArgs("tool.failed"));
  equal(after.code, 0);
  equal(ids((await box.run(["show"])).stdout).length, lines.length + 1);
  await box.remove();
});
