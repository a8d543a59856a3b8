/**
 * `deno task build:npm`: builds the npm package in `npm/` (what dnt would do),
 * then runs the package's tests against it under Node:
 * `tests/distribution/npm_package.test.ts` packs and installs it into a
 * scratch project, checks the tarball, the types and the proxy support, and
 * runs the Node test suite of the library and the CLI
 * (`tests/distribution/node/*.node-test.mjs`) there with `node --test`.
 *
 * The sources are bundled by Bun into one ES module per entry under
 * `npm/esm/` (with shared chunks), and their `.d.ts` emitted by the
 * TypeScript compiler, mirroring `src/`. The package has three entries, so that
 * the client loads only what it needs: `.` (the client, `src/mod.ts`),
 * `./schema` (the zod schemas) and `./analytics` (the maintainers' side);
 * and the bin `esm/node/bin.js` (the CLI behind a `#!/usr/bin/env node`
 * shebang). zod, yaml and undici are optional peers: zod only for
 * `./schema`, yaml only to read a `jmo.yml`, undici only for Node behind a
 * proxy; the client entry loads none of them until then.
 *
 * @module
 */

import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import process from "node:process";

const ROOT = import.meta.dirname ?? ".";
const BIN_NAME = "jmo-telemetry";

/** The repository the packages are published from: package metadata and the docs link here. */
export const REPOSITORY_URL = "https://github.com/jimmy058910/jmo-telemetry";

/**
 * The Node versions the package works on: ESM imports and CommonJS
 * `require()` of its ESM (unflagged from 20.19 and 22.12).
 */
export const NODE_ENGINES = "^20.19.0 || >=22.12.0";

/** The package's `package.json`. */
export interface NpmManifest {
  name: string;
  version: string;
  description: string;
  keywords: string[];
  license: string;
  repository: { type: "git"; url: string };
  homepage: string;
  bugs: { url: string };
  type: "module";
  sideEffects: false;
  exports: Record<string, string | { types: string; default: string }>;
  types: string;
  bin: Record<string, string>;
  files: string[];
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional: true }>;
  engines: { node: string };
}

/** What the build reads from the repository. */
export interface ManifestInputs {
  /** `deno.json`: name, version, license and the import map. */
  denoJson: { version: string; license: string; imports: Record<string, string> };
  /** The bare specifiers the emitted sources import (besides `node:` built-ins). */
  bareImports: readonly string[];
  /** The undici range Node needs behind a proxy (from the workspace's `package.json`). */
  undiciRange: string;
}

/**
 * Splits an import-map target `npm:name@range` into name and range.
 *
 * @example
 * ```ts
 * import { npmTarget } from "./build_npm.ts";
 * npmTarget("npm:zod@^4.6.7"); // { name: "zod", range: "^4.6.7" }
 * ```
 */
export function npmTarget(target: string): { name: string; range: string } | undefined {
  const match = /^npm:((?:@[^/@]+\/)?[^/@]+)@(.+)$/.exec(target);
  return match ? { name: match[1], range: match[2] } : undefined;
}

/**
 * The package's `package.json`: version and license from `deno.json`,
 * optional peers from the import map (only what the sources import) plus
 * undici, the three entries with `types` first, `sideEffects: false`, the
 * bin, the repository's links and the Node engines.
 *
 * @example
 * ```ts
 * import { npmManifest } from "./build_npm.ts";
 * const manifest = npmManifest({
 *   denoJson: { version: "0.1.0", license: "MIT", imports: { zod: "npm:zod@^4.6.7" } },
 *   bareImports: ["zod"],
 *   undiciRange: "^7.30.2",
 * });
 * manifest.peerDependencies; // { undici: "^7.30.2", zod: "^4.6.7" }
 * ```
 */
export function npmManifest(inputs: ManifestInputs): NpmManifest {
  const dependencies: Record<string, string> = { undici: inputs.undiciRange };
  for (const specifier of inputs.bareImports) {
    const target = inputs.denoJson.imports[specifier];
    const npm = target === undefined ? undefined : npmTarget(target);
    if (npm === undefined) {
      throw new Error(
        `the sources import '${specifier}', which the deno.json import map does not map to an ` +
          `npm package: add it there as "npm:<name>@<range>"`,
      );
    }
    dependencies[npm.name] = npm.range;
  }
  const peers = Object.keys(dependencies).sort();
  return {
    name: BIN_NAME,
    version: inputs.denoJson.version,
    description: "Privacy-first, offline-tolerant usage telemetry for command-line tools",
    keywords: ["telemetry", "analytics", "privacy", "cli", "opt-out"],
    license: inputs.denoJson.license,
    repository: { type: "git", url: `git+${REPOSITORY_URL}.git` },
    homepage: `${REPOSITORY_URL}#readme`,
    bugs: { url: `${REPOSITORY_URL}/issues` },
    type: "module",
    sideEffects: false,
    exports: {
      ".": { types: "./esm/mod.d.ts", default: "./esm/mod.js" },
      "./schema": { types: "./esm/schema.d.ts", default: "./esm/schema.js" },
      "./analytics": { types: "./esm/analytics/mod.d.ts", default: "./esm/analytics/mod.js" },
      "./package.json": "./package.json",
    },
    types: "./esm/mod.d.ts",
    bin: { [BIN_NAME]: "esm/node/bin.js" },
    files: ["esm/", "README.md", "LICENSE"],
    peerDependencies: Object.fromEntries(peers.map((name) => [name, dependencies[name]])),
    peerDependenciesMeta: Object.fromEntries(peers.map((name) => [name, { optional: true }])),
    engines: { node: NODE_ENGINES },
  };
}

/**
 * The bare specifiers (not relative, not `node:`) that an emitted ES module
 * imports in its `import`/`export` statements, dynamic imports included
 * (at the start of a line, or awaited anywhere).
 * Comments are not statements: their examples are ignored.
 *
 * @example
 * ```ts
 * import { bareImportsOf } from "./build_npm.ts";
 * bareImportsOf('import { parse } from "yaml";\nimport x from "./x.js";'); // ["yaml"]
 * ```
 */
export function bareImportsOf(javascript: string): string[] {
  const statements =
    /(?:^\s*(?:(?:import|export)\b[^;]*?\bfrom\s*|import\s*\(\s*|import\s+)|\bawait\s+import\s*\(\s*)["']([^"']+)["']/gm;
  const found = [...javascript.matchAll(statements)].map((m) => m[1]);
  return found.filter((s) => !s.startsWith(".") && !s.startsWith("node:"));
}

/**
 * Rewrites the relative `.ts` specifiers the compiler leaves in declaration
 * files to `.js`, so that the `.d.ts` files resolve under Node's resolution.
 *
 * @example
 * ```ts
 * import { rewriteDeclarationImports } from "./build_npm.ts";
 * rewriteDeclarationImports('export { a } from "./a.ts";'); // 'export { a } from "./a.js";'
 * ```
 */
export function rewriteDeclarationImports(declaration: string): string {
  return declaration.replace(
    /((?:from|import)\s*\(?\s*)(["'])(\.{1,2}\/[^"']*)\.ts\2/g,
    "$1$2$3.js$2",
  );
}

/** The package's entries, under `src/`: the client, the schemas, the analytics and the CLI. */
const ENTRIES = ["mod.ts", "schema.ts", "analytics/mod.ts", "cli/bin.ts"];

/** The packages the build leaves out of the bundles: optional peers of the npm package. */
const OPTIONAL_PEERS = ["undici", "yaml", "zod"];

/** The bin: the CLI under Node. */
export const NODE_BIN = '#!/usr/bin/env node\nimport "../cli/bin.js";\n';

function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} failed (exit ${result.status}):\n${result.stdout ?? ""}${
        result.stderr ?? ""
      }`,
    );
  }
  return String(result.stdout ?? "");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/**
 * Builds the npm package into `outDir` (emptied first): ESM and `.d.ts` of
 * `src/`, the Node entry points, `package.json`, README and LICENSE.
 *
 * @example
 * ```ts
 * import { buildNpmPackage } from "./build_npm.ts";
 * const manifest = buildNpmPackage("npm");
 * manifest.version; // deno.json's version
 * ```
 */
export function buildNpmPackage(outDir: string): NpmManifest {
  const esm = join(outDir, "esm");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(esm, { recursive: true });
  const configDir = mkdtempSync(join(tmpdir(), "jmo-npm-tsconfig-"));
  try {
    const tsconfig = join(configDir, "tsconfig.json");
    writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM"],
          types: ["node"],
          typeRoots: [join(ROOT, "node_modules", "@types")],
          strict: true,
          skipLibCheck: true,
          declaration: true,
          emitDeclarationOnly: true,
          rewriteRelativeImportExtensions: true,
          rootDir: join(ROOT, "src"),
          outDir: esm,
        },
        files: ENTRIES.map((file) => join(ROOT, "src", file)),
      }),
    );
    run(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", tsconfig], { cwd: ROOT });
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
  // One module per entry, and a few chunks (the delivery code is one, loaded by
  // the first flush()): Node loads a handful of files, not sixty. Each entry is
  // bundled on its own, so that no other entry's imports cut it into chunks.
  const bun = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "bun.exe" : "bun");
  for (const entry of ENTRIES) {
    run(bun, [
      "build",
      join(ROOT, "src", entry),
      "--target=node",
      "--format=esm",
      "--splitting",
      `--root=${join(ROOT, "src")}`,
      `--outdir=${esm}`,
      ...OPTIONAL_PEERS.map((name) => `--external=${name}`),
    ], { cwd: ROOT });
  }
  const bareImports = new Set<string>();
  for (const file of filesUnder(esm)) {
    const text = readFileSync(file, "utf8");
    if (file.endsWith(".d.ts")) writeFileSync(file, rewriteDeclarationImports(text));
    else for (const specifier of bareImportsOf(text)) bareImports.add(specifier);
  }
  mkdirSync(join(esm, "node"));
  writeFileSync(join(esm, "node", "bin.js"), NODE_BIN);
  chmodSync(join(esm, "node", "bin.js"), 0o755);
  const workspace = readJson<{ dependencies: Record<string, string> }>(join(ROOT, "package.json"));
  const manifest = npmManifest({
    denoJson: readJson(join(ROOT, "deno.json")),
    bareImports: [...bareImports].sort(),
    undiciRange: workspace.dependencies.undici,
  });
  writeFileSync(join(outDir, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
  copyFileSync(join(ROOT, "README.md"), join(outDir, "README.md"));
  copyFileSync(join(ROOT, "LICENSE"), join(outDir, "LICENSE"));
  return manifest;
}

/**
 * Packs the package with `npm pack` and installs the tarball into
 * `scratchDir` (a fresh project), as a user would, with `peers` (names of
 * its optional peers) at the ranges the package gives them.
 *
 * @example
 * ```ts
 * import { packAndInstall } from "./build_npm.ts";
 * const tarball = packAndInstall("npm", "/tmp/scratch", ["yaml"]);
 * // /tmp/scratch/node_modules/.bin/jmo-telemetry now exists
 * ```
 */
export function packAndInstall(
  packageDir: string,
  scratchDir: string,
  peers: readonly string[] = [],
): string {
  mkdirSync(scratchDir, { recursive: true });
  const packed = JSON.parse(
    run("npm", ["pack", "--json", "--pack-destination", scratchDir], { cwd: packageDir }),
  ) as { filename: string }[];
  const tarball = join(scratchDir, packed[0].filename);
  writeFileSync(
    join(scratchDir, "package.json"),
    JSON.stringify({ name: "scratch", private: true, type: "module" }) + "\n",
  );
  const ranges = readJson<NpmManifest>(join(packageDir, "package.json")).peerDependencies;
  const extra = peers.map((name) => `${name}@${ranges[name]}`);
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, ...extra], {
    cwd: scratchDir,
  });
  return tarball;
}

/**
 * What issue 14 allows a host's start-up bundle of the client to weigh: 40 KB
 * (40,000 bytes), as `hostBundleBytes` measures it.
 */
export const CLIENT_BUNDLE_LIMIT = 40_000;

/**
 * `bun build --minify --splitting --target=node` of `entry` (a host program
 * in `project`, where the package is installed), the optional peers that are
 * not installed left out, as bundlers that split dynamic imports (Rollup,
 * Vite, webpack) emit it: the bytes a host loads at start (the entry and the
 * chunks it imports statically) and the bytes of all chunks (with what the
 * first `flush()` loads). Byte sizes are the same from run to run.
 *
 * @example
 * ```ts
 * import { hostBundleBytes } from "./build_npm.ts";
 * const { eager } = hostBundleBytes("/tmp/scratch", "host.mjs");
 * eager <= 40_000; // the client's start-up code fits issue 14's limit
 * ```
 */
export function hostBundleBytes(project: string, entry: string): { eager: number; whole: number } {
  const outdir = join(project, `${entry}.bundle`);
  const bun = join(ROOT, "node_modules", ".bin", process.platform === "win32" ? "bun.exe" : "bun");
  run(bun, [
    "build",
    entry,
    "--minify",
    "--splitting",
    "--target=node",
    // An optional peer not installed cannot be in the host's bundle.
    ...OPTIONAL_PEERS.filter((name) => !existsSync(join(project, "node_modules", name)))
      .map((name) => `--external=${name}`),
    `--outdir=${outdir}`,
  ], { cwd: project });
  const size = (file: string) => statSync(join(outdir, file)).size;
  const eager = new Set<string>();
  const visit = (file: string) => {
    if (eager.has(file)) return;
    eager.add(file);
    const text = readFileSync(join(outdir, file), "utf8");
    for (const m of text.matchAll(/\bfrom\s*"\.\/([^"]+)"/g)) visit(m[1]);
  };
  visit(entry.replace(/\.mjs$/, ".js"));
  return {
    eager: [...eager].reduce((sum, file) => sum + size(file), 0),
    whole: readdirSync(outdir).reduce((sum, file) => sum + size(file), 0),
  };
}

/** The Node test suite of the library and the CLI, run against the installed package. */
export const NODE_SUITE_DIR: string = join(ROOT, "tests", "distribution", "node");

/**
 * Runs the Node test suite (`NODE_SUITE_DIR`'s `*.node-test.mjs`) with
 * `node --test` in `projectDir`, where `packAndInstall` installed the
 * package. The suite is copied to `<projectDir>/tests/` first, so that it
 * imports `jmo-telemetry` and runs `node_modules/.bin/jmo-telemetry` as a
 * user's project does. (The `.node-test.mjs` ending keeps `deno test`,
 * which takes `*.test.mjs`, from running the suite against the sources.)
 * Resolves to node's exit code and its TAP output.
 *
 * @example
 * ```ts
 * import { packAndInstall, runNodeTests } from "./build_npm.ts";
 * packAndInstall("npm", "/tmp/scratch");
 * runNodeTests("/tmp/scratch").code; // 0 when every test passed
 * ```
 */
export function runNodeTests(projectDir: string): { code: number; output: string } {
  const suite = join(projectDir, "tests");
  cpSync(NODE_SUITE_DIR, suite, { recursive: true });
  const files = readdirSync(suite).filter((name) => name.endsWith(".node-test.mjs")).sort();
  const result = spawnSync("node", ["--test", ...files.map((name) => join("tests", name))], {
    cwd: projectDir,
    encoding: "utf8",
  });
  return { code: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

if (import.meta.main) {
  const outDir = join(ROOT, "npm");
  const manifest = buildNpmPackage(outDir);
  console.log(`built ${relative(process.cwd(), outDir)}/ (${manifest.name}@${manifest.version})`);
  const tests = spawnSync(
    join(ROOT, "node_modules", "deno", "deno"),
    ["test", "-A", join(ROOT, "tests", "distribution", "npm_package.test.ts")],
    { stdio: "inherit", env: { ...process.env, JMO_NPM_PACKAGE_DIR: outDir } },
  );
  process.exitCode = tests.status ?? 1;
}
