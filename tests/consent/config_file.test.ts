import { deepEqual, equal, throws } from "node:assert/strict";
import { join } from "node:path";
import { loadConfigChoice, saveConfigChoice } from "../../src/consent/mod.ts";

Deno.test("saveConfigChoice replaces the file keeping its mode and leaves no temporary file", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "jmo.yml");
  Deno.writeTextFileSync(path, "# mine\ntelemetry:\n  enabled: true\n");
  Deno.chmodSync(path, 0o640);
  saveConfigChoice(path, false);
  equal(Deno.readTextFileSync(path), "# mine\ntelemetry:\n  enabled: false\n");
  equal(Deno.statSync(path).mode! & 0o777, 0o640);
  equal([...Deno.readDirSync(dir)].map((e) => e.name).join(), "jmo.yml");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("saveConfigChoice writes through a symbolic link and keeps the link", async () => {
  const dir = await Deno.makeTempDir();
  const real = join(dir, "shared.yml");
  const link = join(dir, "jmo.yml");
  Deno.writeTextFileSync(real, "x: 1\n");
  Deno.symlinkSync(real, link);
  saveConfigChoice(link, true);
  equal(Deno.lstatSync(link).isSymlink, true);
  equal(Deno.readTextFileSync(real), "x: 1\ntelemetry:\n  enabled: true\n");
  equal(loadConfigChoice(link).enabled, true);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("saveConfigChoice creates an absent file with the choice alone", async () => {
  const dir = await Deno.makeTempDir();
  const path = join(dir, "jmo.yml");
  saveConfigChoice(path, false);
  equal(Deno.readTextFileSync(path), "telemetry:\n  enabled: false\n");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadConfigChoice holds no choice from a config path that is a device or a folder, and says why", async () => {
  const dir = await Deno.makeTempDir();
  deepEqual(loadConfigChoice("/dev/null"), {
    path: "/dev/null",
    enabled: undefined,
    problem: "cannot be read (not a regular file)",
  });
  equal(loadConfigChoice(dir).problem, "cannot be read (is a folder)");
  await Deno.remove(dir, { recursive: true });
});

Deno.test("saveConfigChoice refuses a config path that is not a regular file and writes nothing", () => {
  throws(() => saveConfigChoice("/dev/null", false), { code: "EFTYPE" });
});
