import { equal } from "node:assert/strict";
import { homedir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { homeDirectory, purgeIfOptedOut } from "../../src/cli/opted_out_track.ts";

const HOME_VARIABLE = process.platform === "win32" ? "USERPROFILE" : "HOME";

Deno.test("homeDirectory takes the home from the environment, as os.homedir() does", async () => {
  equal(await homeDirectory({ [HOME_VARIABLE]: "/home/ada" }), "/home/ada");
});

Deno.test("homeDirectory falls back to the account's home when the environment says nothing", async () => {
  equal(await homeDirectory({}), homedir());
});

Deno.test("purgeIfOptedOut deletes what is spooled when the environment opts out, and only then", async () => {
  const home = await Deno.makeTempDir({ prefix: "jmo-optout-" });
  const ready = join(home, ".jmo-security", "spool", "ready");
  await Deno.mkdir(ready, { recursive: true });
  await Deno.writeTextFile(join(ready, "1-1-a.ndjson"), '{"event":"scan.started"}\n');
  equal(await purgeIfOptedOut({ [HOME_VARIABLE]: home }), false);
  equal((await Array.fromAsync(Deno.readDir(ready))).length, 1);
  equal(await purgeIfOptedOut({ [HOME_VARIABLE]: home, DO_NOT_TRACK: "1" }), true);
  const left = await Array.fromAsync(Deno.readDir(ready)).catch(() => []);
  equal(left.length, 0);
  await Deno.remove(home, { recursive: true });
});
