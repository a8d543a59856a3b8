/**
 * Writing the Python distributions: a wheel per compiled binary, the
 * `py3-none-any` wheel without one, and the sdist.
 *
 * @module
 */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { platformTags } from "./platform_tag.ts";
import {
  coreMetadata,
  ENTRY_POINTS,
  FILE_NAME,
  licenseText,
  MODULE,
  moduleFiles,
  packageReadme,
  projectVersion,
  pyprojectToml,
} from "./python_package.ts";
import { tarGz } from "./tar_gz.ts";
import { wheelBytes, wheelFileName } from "./wheel.ts";
import type { ArchiveEntry } from "./zip_archive.ts";

function writeWheel(outDir: string, platforms: string[], extra: ArchiveEntry[]): string {
  const version = projectVersion();
  const path = join(outDir, wheelFileName(FILE_NAME, version, platforms));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path,
    wheelBytes({
      name: FILE_NAME,
      version,
      platforms,
      files: [...moduleFiles(), ...extra],
      metadata: coreMetadata(version),
      entryPoints: ENTRY_POINTS,
      license: licenseText(),
    }),
  );
  return path;
}

/**
 * Writes the wheel that carries `binary` (tagged from the binary itself)
 * into `outDir` and returns its path. The binary goes to
 * `jmo_telemetry/bin/jmo-telemetry` (`.exe` on Windows) with its run bit.
 *
 * @example
 * ```ts
 * import { buildPlatformWheel } from "./build_distributions.ts";
 * buildPlatformWheel("dist/jmo-telemetry-linux-x64", "dist/pypi");
 * ```
 */
export function buildPlatformWheel(binary: string, outDir: string): string {
  const platforms = platformTags(binary);
  const name = basename(binary).endsWith(".exe") ? "jmo-telemetry.exe" : "jmo-telemetry";
  return writeWheel(outDir, platforms, [
    { path: `${MODULE}/bin/${name}`, data: readFileSync(binary), mode: 0o755 },
  ]);
}

/**
 * Writes the `py3-none-any` wheel: the module without a binary, for every
 * other platform (there every call does nothing, and `status()` says why).
 *
 * @example
 * ```ts
 * import { buildAnyWheel } from "./build_distributions.ts";
 * buildAnyWheel("dist/pypi");
 * ```
 */
export function buildAnyWheel(outDir: string): string {
  return writeWheel(outDir, ["any"], []);
}

/**
 * Writes the sdist `jmo_telemetry-<version>.tar.gz`: the module, README,
 * license, `PKG-INFO` and a `pyproject.toml` that setuptools builds into
 * the wheel without a binary.
 *
 * @example
 * ```ts
 * import { buildSdist } from "./build_distributions.ts";
 * buildSdist("dist/pypi");
 * ```
 */
export function buildSdist(outDir: string): string {
  const version = projectVersion();
  const root = `${FILE_NAME}-${version}`;
  const text = (value: string) => new TextEncoder().encode(value);
  const path = join(outDir, `${root}.tar.gz`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path,
    tarGz([
      { path: `${root}/PKG-INFO`, data: text(coreMetadata(version)) },
      { path: `${root}/pyproject.toml`, data: text(pyprojectToml(version)) },
      { path: `${root}/README.md`, data: text(packageReadme()) },
      { path: `${root}/LICENSE`, data: text(licenseText()) },
      ...moduleFiles().map((file) => ({ ...file, path: `${root}/${file.path}` })),
    ]),
  );
  return path;
}
