import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { parseWranglerSettings, readWranglerSettings } from "../../collector/local/mod.ts";
import { WRANGLER_TOML } from "../../collector/local/wrangler_settings.ts";

Deno.test("the local runtime takes the compatibility date and crons from wrangler.toml", async () => {
  assert.deepEqual(
    parseWranglerSettings(
      'compatibility_date = "2025-10-19"\n[triggers]\ncrons = ["17 3 * * *"]\n',
    ),
    { compatibilityDate: "2025-10-19", crons: ["17 3 * * *"] },
  );
  assert.throws(() => parseWranglerSettings('name = "x"\n'), /compatibility_date/);
  const settings = await readWranglerSettings();
  assert.match(settings.compatibilityDate, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(settings.crons.length, 1, "one cron trigger runs the retention job");
});

Deno.test("wrangler.toml binds D1 and turns observability and invocation logs off", async () => {
  const toml = await readFile(WRANGLER_TOML, "utf8");
  assert.match(toml, /\[\[d1_databases\]\]\s*\nbinding = "DB"/);
  assert.match(toml, /migrations_dir = "migrations"/);
  assert.match(toml, /\[observability\]\s*\nenabled = false/);
  assert.match(toml, /\[observability\.logs\]\s*\nenabled = false\s*\ninvocation_logs = false/);
  assert.match(toml, /^logpush = false/m);
  assert.match(toml, /^main = "src\/worker\.ts"/m);
});
