/**
 * The README's deploy steps, run as written on a fresh copy of the
 * repository with the wrangler that `npm ci` installs: offline, with
 * wrangler's home, config, state and temporary files in a temporary
 * directory and its metrics, error reports and update check turned off.
 */

import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { ROOT } from "../helpers/run_binary.ts";

const README = await Deno.readTextFile(join(ROOT, "README.md"));
const DRY_RUN = "npx wrangler deploy --dry-run";
const APPLY_LOCAL = "npx wrangler d1 migrations apply jmo-telemetry --local";
const PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

/** The files a fresh clone has: tracked ones, and new ones git does not ignore. */
async function freshCopy(): Promise<string> {
  const listed = await new Deno.Command("git", {
    args: ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    cwd: ROOT,
    stdout: "piped",
  }).output();
  const copy = await Deno.makeTempDir({ prefix: "jmo-deploy-" });
  for (const path of new TextDecoder().decode(listed.stdout).split("\0").filter(Boolean)) {
    const from = join(ROOT, path);
    if (!(await Deno.stat(from).catch(() => undefined))?.isFile) continue;
    await Deno.mkdir(dirname(join(copy, path)), { recursive: true });
    await Deno.copyFile(from, join(copy, path));
  }
  // What `npm ci` at the root gives the copy.
  await Deno.symlink(join(ROOT, "node_modules"), join(copy, "node_modules"));
  return copy;
}

async function wrangler(
  command: string,
  cwd: string,
  home: string,
): Promise<{ code: number; output: string }> {
  const out = await new Deno.Command("sh", {
    args: ["-c", command],
    cwd,
    env: {
      PATH: Deno.env.get("PATH") ?? "",
      HOME: home,
      XDG_CONFIG_HOME: join(home, "config"),
      TMPDIR: join(home, "tmp"),
      WRANGLER_LOG_PATH: join(home, "logs"),
      WRANGLER_SEND_METRICS: "false",
      WRANGLER_SEND_ERROR_REPORTS: "false",
      // wrangler's update check asks the npm registry: point it at a closed local port.
      npm_config_registry: "http://127.0.0.1:9/",
      NO_COLOR: "1",
      CI: "true",
    },
    clearEnv: true,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  return { code: out.code, output: decode(out.stdout) + decode(out.stderr) };
}

Deno.test("the README's deploy steps work from a fresh copy with wrangler from npm", async (t) => {
  const copy = await freshCopy();
  const home = await Deno.makeTempDir({ prefix: "jmo-wrangler-home-" });
  await Deno.mkdir(join(home, "tmp"));
  const collector = join(copy, "collector");
  try {
    await t.step("the README gives the commands this test runs, word for word", () => {
      for (
        const command of [DRY_RUN, APPLY_LOCAL, "npm ci", "npx wrangler d1 create jmo-telemetry"]
      ) {
        const documented = README.includes(`\n${command}\n`) || README.includes(`\`${command}\``);
        assert.ok(documented, `README documents: ${command}`);
      }
    });

    await t.step("with the placeholder database_id, deploy stops and says what to do", async () => {
      assert.ok((await Deno.readTextFile(join(collector, "wrangler.toml"))).includes(PLACEHOLDER));
      const { code, output } = await wrangler(DRY_RUN, collector, home);
      assert.notEqual(code, 0, output);
      assert.match(
        output,
        /cannot deploy: database_id in collector\/wrangler\.toml is still the placeholder/,
      );
      assert.match(output, /npx wrangler d1 create jmo-telemetry/);
    });

    await t.step(
      "with the id wrangler d1 create printed, the dry run bundles the Worker",
      async () => {
        const toml = join(collector, "wrangler.toml");
        const text = await Deno.readTextFile(toml);
        await Deno.writeTextFile(
          toml,
          text.replace(PLACEHOLDER, "6f1c2a4e-8d1b-4c5e-9a7f-2b3c4d5e6f70"),
        );
        const { code, output } = await wrangler(DRY_RUN, collector, home);
        assert.equal(code, 0, output);
        assert.match(output, /env\.DB \(jmo-telemetry\)\s+D1 Database/);
        assert.match(output, /--dry-run: exiting now/);
      },
    );

    await t.step("the migrations apply to a local database by its name", async () => {
      const { code, output } = await wrangler(APPLY_LOCAL, collector, home);
      assert.equal(code, 0, output);
      const migrations = [...Deno.readDirSync(join(collector, "migrations"))].map((e) => e.name);
      assert.ok(migrations.length >= 2);
      for (const name of migrations) assert.match(output, new RegExp(`${name}\\s+│ ✅`));
      assert.ok(Deno.statSync(join(collector, ".wrangler", "state")).isDirectory);
    });

    await t.step(
      "wrangler's local state and the local secrets file are ignored by git",
      async () => {
        const ignored = await new Deno.Command("git", {
          args: ["check-ignore", "collector/.wrangler/state/v3/d1", "collector/.dev.vars"],
          cwd: ROOT,
          stdout: "piped",
        }).output();
        assert.equal(ignored.code, 0);
        assert.equal(new TextDecoder().decode(ignored.stdout).trim().split("\n").length, 2);
      },
    );
  } finally {
    await Deno.remove(copy, { recursive: true });
    await Deno.remove(home, { recursive: true });
  }
});
