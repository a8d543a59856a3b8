/**
 * Item 9: what the npm library costs a Node host, next to @astrojs/telemetry
 * measured in the same run: the time `import` + `track` + `close` adds to an
 * empty Node script (telemetry on, and opted out), the install of the client
 * alone, and a minified bundle of a host using it.
 *
 * @module
 */

import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildNpmPackage,
  CLIENT_BUNDLE_LIMIT,
  hostBundleBytes,
  packAndInstall,
} from "../build_npm.ts";
import { median, timeInterleaved, type Variant } from "./measure.ts";
import type { ResultRow } from "./result_row.ts";

const ROOT = join(import.meta.dirname ?? ".", "..");

/** The host programs: jmo-telemetry's client and @astrojs/telemetry recording one event. */
const JMO_HOST = `import { createClient } from "jmo-telemetry";
const telemetry = createClient({ version: "1.0.1" });
telemetry.track("tool.failed", { tool: "trivy", failure_type: "timeout", exit_code: null, profile: "fast" });
telemetry.close();
`;
const ASTRO_HOST = `import { AstroTelemetry } from "@astrojs/telemetry";
const telemetry = new AstroTelemetry({ astroVersion: "5.0.0", viteVersion: "6.0.0" });
await telemetry.record([{ eventName: "ASTRO_BUILD", payload: {} }]);
`;

/** The bytes of every file under `dir` (what the install puts on disk, blocks aside). */
function treeBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== ".package-lock.json")
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * Builds and installs the package (client alone, no optional peer) and
 * @astrojs/telemetry into scratch projects, then measures both.
 */
export async function benchLibraryCost(runs: number, packageDir?: string): Promise<ResultRow[]> {
  const scratch = await Deno.makeTempDir({ prefix: "jmo-bench-library-" });
  const built = packageDir ?? join(scratch, "package");
  if (packageDir === undefined) buildNpmPackage(built);
  const jmo = join(scratch, "jmo");
  packAndInstall(built, jmo);
  const astro = join(scratch, "astro");
  Deno.mkdirSync(astro);
  writeFileSync(
    join(astro, "package.json"),
    '{"name":"astro-host","private":true,"type":"module"}\n',
  );
  const astroRange = JSON.parse(Deno.readTextFileSync(join(ROOT, "package.json")))
    .devDependencies["@astrojs/telemetry"];
  const install = new Deno.Command("npm", {
    args: [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      `@astrojs/telemetry@${astroRange}`,
    ],
    cwd: astro,
    stdout: "null",
  }).outputSync();
  if (!install.success) throw new Error(new TextDecoder().decode(install.stderr));
  writeFileSync(join(jmo, "host.mjs"), JMO_HOST);
  writeFileSync(join(astro, "host.mjs"), ASTRO_HOST);
  writeFileSync(join(jmo, "empty.mjs"), "");
  const home = join(scratch, "home");
  const offHome = join(scratch, "off-home");
  Deno.mkdirSync(home);
  Deno.mkdirSync(offHome);
  const env = {
    PATH: Deno.env.get("PATH") ?? "/usr/bin",
    HOME: home,
    DOCKER_CONTAINER: "0",
    JMO_TELEMETRY_ENDPOINT: "http://127.0.0.1:9/v1/events",
  };
  // Opted out in a home of its own, where nothing was ever spooled to delete.
  const off = { ...env, HOME: offHome, DO_NOT_TRACK: "1", ASTRO_TELEMETRY_DISABLED: "1" };
  const node = "node";
  const variants: Variant[] = [
    { name: "empty", command: node, args: ["empty.mjs"], env, cwd: jmo },
    { name: "jmo on", command: node, args: ["host.mjs"], env, cwd: jmo },
    { name: "jmo off", command: node, args: ["host.mjs"], env: off, cwd: jmo },
    { name: "astro off", command: node, args: ["host.mjs"], env: off, cwd: astro },
  ];
  const times = await timeInterleaved(variants, runs);
  const base = median(times.get("empty")!);
  const extra = (name: string) => median(times.get(name)!) - base;
  const astroExtra = extra("astro off");
  const jmoInstall = treeBytes(join(jmo, "node_modules"));
  const astroInstall = treeBytes(join(astro, "node_modules"));
  const jmoBundle = hostBundleBytes(jmo, "host.mjs");
  const astroBundle = hostBundleBytes(astro, "host.mjs");
  await Deno.remove(scratch, { recursive: true });
  const versus = (name: string, label: string): ResultRow => ({
    item: `9. ${label} / @astrojs/telemetry's import + record (disabled), time added to empty Node`,
    figure: `${(extra(name) / astroExtra).toFixed(2)}x`,
    detail: `+${extra(name).toFixed(1)} ms vs +${astroExtra.toFixed(1)} ms (empty Node ${
      base.toFixed(1)
    } ms)`,
    target: "<= 2x",
    holds: extra(name) / astroExtra <= 2,
  });
  return [
    versus("jmo on", "npm library: import + track + close, on"),
    versus("jmo off", "npm library: import + track + close, opted out"),
    {
      item: "9. install of the client alone (no optional peer), vs @astrojs/telemetry's",
      figure: `${(jmoInstall / 1024 / 1024).toFixed(2)} MiB`,
      detail: `${kib(jmoInstall)} vs ${kib(astroInstall)}`,
      target: "<= 1.5 MB",
      holds: jmoInstall <= 1_500_000,
    },
    {
      item: "9. a host's bundle loaded at start (bun build --minify --splitting, Node)",
      figure: kib(jmoBundle.eager),
      detail: `${kib(jmoBundle.whole)} with what the first flush() loads; @astrojs/telemetry ${
        kib(astroBundle.whole)
      }`,
      target: "<= 40 KB",
      holds: jmoBundle.eager <= CLIENT_BUNDLE_LIMIT,
    },
  ];
}

if (import.meta.main) {
  const rows = await benchLibraryCost(Number(Deno.args[0] ?? 30), Deno.args[1]);
  for (const row of rows) console.log(`${row.item}: ${row.figure} (${row.detail})`);
}
