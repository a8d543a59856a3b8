import { deepEqual, equal, match } from "node:assert/strict";
import { join } from "node:path";
import { loadConfigChoice } from "../../src/consent/config_file.ts";
import { loadConfigChoiceLazily } from "../../src/consent/load_config_choice_lazily.ts";

Deno.test("loadConfigChoiceLazily answers as loadConfigChoice: absent, a choice, a malformed file", async () => {
  const dir = await Deno.makeTempDir({ prefix: "jmo-config-" });
  const path = join(dir, "jmo.yml");
  deepEqual(await loadConfigChoiceLazily(path), { path, enabled: undefined });
  deepEqual(await loadConfigChoiceLazily(path), loadConfigChoice(path));

  await Deno.writeTextFile(path, "# mine\ntelemetry:\n  enabled: false\n");
  equal((await loadConfigChoiceLazily(path)).enabled, false);
  deepEqual(await loadConfigChoiceLazily(path), loadConfigChoice(path));

  await Deno.writeTextFile(path, "telemetry: [unclosed\n");
  const malformed = await loadConfigChoiceLazily(path);
  equal(malformed.enabled, undefined);
  match(malformed.problem ?? "", /./);
  deepEqual(malformed, loadConfigChoice(path));
  await Deno.remove(dir, { recursive: true });
});

Deno.test("loadConfigChoiceLazily reports a config path under a file as a problem, not as absent", async () => {
  const dir = await Deno.makeTempDir({ prefix: "jmo-config-" });
  await Deno.writeTextFile(join(dir, "file"), "");
  const path = join(dir, "file", "jmo.yml");
  deepEqual(await loadConfigChoiceLazily(path), loadConfigChoice(path));
  await Deno.remove(dir, { recursive: true });
});
