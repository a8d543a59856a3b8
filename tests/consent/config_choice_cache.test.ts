import { deepEqual, equal } from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadConfigChoice } from "../../src/consent/config_file.ts";
import { loadConfigChoiceLazily } from "../../src/consent/load_config_choice_lazily.ts";

const FIXTURE = new URL("../fixtures/jmo.yml", import.meta.url);

/** Texts whose choices differ in every way the config rules tell apart. */
const TEXTS = [
  "telemetry:\n  enabled: true\n",
  "telemetry:\n  enabled: false\n",
  "telemetry:\n  enabled: no\n",
  "telemetry:\n  enabled: off\n",
  "telemetry:\n  enabled: yes\n",
  "telemetry:\n  enabled: maybe\n",
  "telemetry:\n  enabled: 'true'\n",
  "# only a comment\n",
  "telemetry: [unclosed\n",
  "telemetry:\n  enabled: false\nbroken: [\n",
  "telemetry: {enabled: true}\n",
  "telemetry:\n  enabled: true\ntelemetry:\n  enabled: false\n",
  "",
];

async function installWithConfig(text: string) {
  const root = await Deno.makeTempDir({ prefix: "jmo-config-cache-" });
  const home = join(root, ".jmo-security");
  Deno.mkdirSync(home);
  const path = join(root, "jmo.yml");
  Deno.writeTextFileSync(path, text);
  return { root, home, path };
}

Deno.test("a remembered config choice is exactly what the YAML reading gives, on every kind of file, read once or again", async () => {
  for (const text of [...TEXTS, readFileSync(FIXTURE, "utf8")]) {
    const { root, home, path } = await installWithConfig(text);
    const expected = loadConfigChoice(path);
    deepEqual(await loadConfigChoiceLazily(path, home), expected, JSON.stringify(text));
    deepEqual(await loadConfigChoiceLazily(path, home), expected, JSON.stringify(text));
    await Deno.remove(root, { recursive: true });
  }
});

Deno.test("the remembered choice follows the file's text, not its size or time: a same-size change is read again", async () => {
  const { root, home, path } = await installWithConfig("telemetry:\n  enabled: yes\n");
  equal((await loadConfigChoiceLazily(path, home)).enabled, true);
  const { mtime } = Deno.statSync(path);
  Deno.writeTextFileSync(path, "telemetry:\n  enabled: off\n");
  Deno.utimeSync(path, mtime!, mtime!);
  equal((await loadConfigChoiceLazily(path, home)).enabled, false);
  await Deno.remove(root, { recursive: true });
});

Deno.test("nothing is remembered for a file that opts out, nor in a state folder that does not exist yet", async () => {
  const off = await installWithConfig("telemetry:\n  enabled: false\n");
  await loadConfigChoiceLazily(off.path, off.home);
  equal(existsSync(join(off.home, "config-cache.json")), false);
  const fresh = await installWithConfig("telemetry:\n  enabled: true\n");
  Deno.removeSync(fresh.home);
  equal((await loadConfigChoiceLazily(fresh.path, fresh.home)).enabled, true);
  equal(existsSync(fresh.home), false);
  await Deno.remove(off.root, { recursive: true });
  await Deno.remove(fresh.root, { recursive: true });
});

Deno.test("the host repository's 211-line jmo.yml holds telemetry.enabled: true, and what is remembered of it is its digest and choice alone", async () => {
  const text = readFileSync(FIXTURE, "utf8");
  equal(text.split("\n").length - 1, 211);
  const { root, home, path } = await installWithConfig(text);
  equal((await loadConfigChoiceLazily(path, home)).enabled, true);
  const remembered = JSON.parse(readFileSync(join(home, "config-cache.json"), "utf8"));
  equal(remembered.length, 1);
  equal(remembered[0][0].startsWith(`${text.length.toString(16)}-`), true);
  deepEqual(remembered[0][1], { enabled: true });
  await Deno.remove(root, { recursive: true });
});
