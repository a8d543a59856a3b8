/**
 * The Python package `jmo-telemetry` as both the wheels and the sdist hold
 * it: the module's files from `python/jmo_telemetry/`, its README and
 * license, and the core metadata.
 *
 * @module
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ArchiveEntry } from "./zip_archive.ts";

const ROOT = join(import.meta.dirname ?? ".", "..", "..");

/** The distribution name, and its file-name form. */
export const DISTRIBUTION = "jmo-telemetry";
/** The distribution name as wheel and sdist file names spell it. */
export const FILE_NAME = "jmo_telemetry";
/** The module name. */
export const MODULE = "jmo_telemetry";
/** The oldest Python the module runs on. */
export const REQUIRES_PYTHON = ">=3.10";
const SUMMARY =
  "JMo Security's telemetry for Python hosts: the jmo-telemetry binary and its Python API";
const CLASSIFIERS = [
  "License :: OSI Approved :: MIT License",
  "Programming Language :: Python :: 3",
  "Programming Language :: Python :: 3 :: Only",
  "Typing :: Typed",
];

/**
 * The version in `deno.json`, which every package of the project carries.
 *
 * @example
 * ```ts
 * import { projectVersion } from "./python_package.ts";
 * projectVersion(); // "0.1.0"
 * ```
 */
export function projectVersion(): string {
  return JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8")).version;
}

/**
 * The module's files (`jmo_telemetry/...`), sorted, from `python/`.
 *
 * @example
 * ```ts
 * import { moduleFiles } from "./python_package.ts";
 * moduleFiles().map((f) => f.path); // ["jmo_telemetry/__init__.py", ...]
 * ```
 */
export function moduleFiles(): ArchiveEntry[] {
  const dir = join(ROOT, "python", MODULE);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".py") || name === "py.typed")
    .sort()
    .map((name) => ({ path: `${MODULE}/${name}`, data: readFileSync(join(dir, name)) }));
}

/**
 * The package's README (`python/README.md`), its long description.
 *
 * @example
 * ```ts
 * import { packageReadme } from "./python_package.ts";
 * packageReadme().startsWith("# jmo-telemetry"); // true
 * ```
 */
export function packageReadme(): string {
  return readFileSync(join(ROOT, "python", "README.md"), "utf8");
}

/**
 * The project's license text.
 *
 * @example
 * ```ts
 * import { licenseText } from "./python_package.ts";
 * licenseText().startsWith("MIT License"); // true
 * ```
 */
export function licenseText(): string {
  return readFileSync(join(ROOT, "LICENSE"), "utf8");
}

/**
 * The core metadata (version 2.1), `METADATA` in a wheel and `PKG-INFO`
 * in the sdist, with the README as its Markdown body.
 *
 * @example
 * ```ts
 * import { coreMetadata } from "./python_package.ts";
 * coreMetadata("0.1.0").startsWith("Metadata-Version: 2.1\nName: jmo-telemetry\n"); // true
 * ```
 */
export function coreMetadata(version: string): string {
  return [
    "Metadata-Version: 2.1",
    `Name: ${DISTRIBUTION}`,
    `Version: ${version}`,
    `Summary: ${SUMMARY}`,
    "License: MIT",
    `Requires-Python: ${REQUIRES_PYTHON}`,
    ...CLASSIFIERS.map((classifier) => `Classifier: ${classifier}`),
    "Description-Content-Type: text/markdown",
    "",
    packageReadme(),
  ].join("\n");
}

/**
 * The `jmo-telemetry` command, run through the module.
 *
 * @example
 * ```ts
 * import { ENTRY_POINTS } from "./python_package.ts";
 * ENTRY_POINTS.includes("jmo-telemetry = jmo_telemetry.__main__:main"); // true
 * ```
 */
export const ENTRY_POINTS = `[console_scripts]\n${DISTRIBUTION} = ${MODULE}.__main__:main\n`;

/**
 * The sdist's `pyproject.toml`: built without network by setuptools, it
 * gives the wheel without a binary.
 *
 * @example
 * ```ts
 * import { pyprojectToml } from "./python_package.ts";
 * pyprojectToml("0.1.0").includes('version = "0.1.0"'); // true
 * ```
 */
export function pyprojectToml(version: string): string {
  return [
    "[build-system]",
    'requires = ["setuptools>=61"]',
    'build-backend = "setuptools.build_meta"',
    "",
    "[project]",
    `name = "${DISTRIBUTION}"`,
    `version = "${version}"`,
    `description = "${SUMMARY}"`,
    'readme = "README.md"',
    `requires-python = "${REQUIRES_PYTHON}"`,
    'license = { text = "MIT" }',
    `classifiers = [${CLASSIFIERS.map((c) => JSON.stringify(c)).join(", ")}]`,
    "",
    "[project.scripts]",
    `${DISTRIBUTION} = "${MODULE}.__main__:main"`,
    "",
    "[tool.setuptools]",
    `packages = ["${MODULE}"]`,
    "",
    "[tool.setuptools.package-data]",
    `${MODULE} = ["py.typed"]`,
    "",
  ].join("\n");
}
