import { deepEqual, equal, ok } from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPOSITORY_URL } from "../../build_npm.ts";
import { EXIT } from "../../src/cli/errors.ts";
import { COMMANDS } from "../../src/cli/registry.ts";
import { CI_MARKERS } from "../../src/consent/detect_ci.ts";
import { ENVIRONMENT_VARIABLES } from "../../src/settings/environment_variables.ts";
import { ROOT } from "../helpers/run_binary.ts";

const CONTRACT = readFileSync(join(ROOT, "docs", "CONTRACT.md"), "utf8");

/** The text of the `## title` section. */
function section(title: string): string {
  const start = CONTRACT.indexOf(`\n## ${title}\n`);
  ok(start >= 0, `docs/CONTRACT.md has a section ## ${title}`);
  const end = CONTRACT.indexOf("\n## ", start + 1);
  return CONTRACT.slice(start, end === -1 ? undefined : end);
}

/** The first backticked word of each table row of a section (the header row left out). */
function firstColumn(text: string): string[] {
  return [...text.matchAll(/^\| `([^`\s]+)[^|]*\|/gm)].map((m) => m[1]);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

Deno.test("docs/CONTRACT.md lists every command of the CLI's registry, and no other", () => {
  deepEqual(firstColumn(section("Commands")).sort(), Object.keys(COMMANDS).sort());
});

Deno.test("docs/CONTRACT.md lists every environment variable of the settings' registry in its table and every CI marker, and no other", () => {
  const environment = section("Environment");
  deepEqual(firstColumn(environment).sort(), [...ENVIRONMENT_VARIABLES].sort());
  const markers = /The CI markers.*?do not count\):(.*?)\.\n/s.exec(environment)![1];
  deepEqual([...markers.matchAll(/`([^`]+)`/g)].map((m) => m[1]), [...CI_MARKERS]);
});

Deno.test("every environment variable the sources read is in the settings' registry or a CI marker", () => {
  const known = new Set([...ENVIRONMENT_VARIABLES, ...CI_MARKERS]);
  const read = new Set<string>();
  for (const file of [...sourceFiles(join(ROOT, "src")), join(ROOT, "build_npm.ts")]) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/\benv\??\.([A-Za-z_][A-Za-z0-9_]*)\b/g)) {
      if (/^[A-Z_]+[A-Z0-9_]*$/.test(m[1])) read.add(m[1]);
    }
    for (const m of text.matchAll(/\benv\[\s*"([A-Za-z_][A-Za-z0-9_]*)"\s*\]/g)) read.add(m[1]);
  }
  ok(read.size > 10, "the scan finds the variables");
  deepEqual([...read].filter((name) => !known.has(name)).sort(), []);
});

Deno.test("docs/CONTRACT.md gives the exit codes the CLI uses", () => {
  const codes = [...section("Exit codes").matchAll(/^\| `(\d)` /gm)].map((m) => Number(m[1]));
  deepEqual(codes.sort(), Object.values(EXIT).sort());
});

Deno.test("every link of the README resolves from npm and JSR too: absolute, and into this repository only to files it has", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  ok(links.length > 0);
  for (const link of links) {
    ok(/^https:\/\//.test(link), `${link} is not an absolute https URL`);
    if (!link.startsWith(`${REPOSITORY_URL}/blob/main/`)) continue;
    const path = link.slice(`${REPOSITORY_URL}/blob/main/`.length).split("#")[0];
    ok(existsSync(join(ROOT, path)), `${link} names ${path}, which the repository lacks`);
  }
  equal(readme.includes("../shared"), false);
});
