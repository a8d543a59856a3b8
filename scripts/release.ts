/**
 * `deno task release`: from the binaries and `SHA256SUMS` in `dist/` (made
 * by `deno task compile:all`), writes the Homebrew formula
 * `dist/homebrew/jmo-telemetry.rb` and the WinGet manifests under
 * `dist/winget/` (version, installer, default locale; schema 1.12.0).
 *
 * Both point at the release downloads
 * `<repository>/releases/download/v<version>/<file>`; the repository is
 * `RELEASE_REPOSITORY` unless `--repository URL` says otherwise.
 *
 * @module
 */

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { stringify } from "yaml";

/** Where the release downloads live by default. */
export const RELEASE_REPOSITORY = "https://github.com/jimmy058910/jmo-telemetry";
/** The WinGet package identifier. */
export const WINGET_ID = "JMoSecurity.JMoTelemetry";
/** The WinGet manifest schema version written: the newest the community repository accepts. */
export const WINGET_SCHEMA = "1.12.0";

const DESCRIPTION = "Privacy-first, offline-tolerant usage telemetry for command-line tools";

/** What a release is made of. */
export interface Release {
  version: string;
  /** `https://github.com/<owner>/<repo>` */
  repository: string;
  /** SHA-256 (hex) of each file in `dist/`, from `SHA256SUMS`. */
  sums: ReadonlyMap<string, string>;
  /** The release's date, `YYYY-MM-DD`, as the changelog gives it. */
  date: string;
}

/**
 * The date the changelog gives a version (`## [0.1.0] - 2026-12-01`).
 * Throws when it has no dated entry for it.
 *
 * @example
 * ```ts
 * import { releaseDate } from "./release.ts";
 * releaseDate("## [0.1.0] - 2026-12-01\n", "0.1.0"); // "2026-12-01"
 * ```
 */
export function releaseDate(changelog: string, version: string): string {
  for (const line of changelog.split("\n")) {
    const match = /^## \[([^\]]+)\] - (\d{4}-\d\d-\d\d)\s*$/.exec(line);
    if (match?.[1] === version) return match[2];
  }
  throw new Error(`CHANGELOG.md has no dated entry '## [${version}] - YYYY-MM-DD': add one`);
}

/**
 * Reads a `SHA256SUMS` text (`<hex>  <name>` or `<hex> *<name>` per line).
 *
 * @example
 * ```ts
 * import { parseSha256Sums } from "./release.ts";
 * parseSha256Sums(`${"ab".repeat(32)}  jmo-telemetry-linux-x64\n`).get("jmo-telemetry-linux-x64");
 * ```
 */
export function parseSha256Sums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split("\n").filter((l) => l.trim() !== "")) {
    const match = /^([0-9a-fA-F]{64}) [ *](.+)$/.exec(line.trim());
    if (!match) throw new Error(`SHA256SUMS: '${line}' is not '<sha256>  <file>'`);
    sums.set(match[2], match[1].toLowerCase());
  }
  return sums;
}

function download(release: Release, file: string): { url: string; sha256: string } {
  const sha256 = release.sums.get(file);
  if (sha256 === undefined) {
    throw new Error(`SHA256SUMS has no ${file}: run 'deno task compile:all' first`);
  }
  return { url: `${release.repository}/releases/download/v${release.version}/${file}`, sha256 };
}

/**
 * The Homebrew formula: the macOS and Linux binaries, picked by `on_arm` /
 * `on_intel` inside `on_macos` / `on_linux`, each with its sha256; `install`
 * makes the downloaded file executable (a raw download is mode 0644) and
 * installs it as `jmo-telemetry`.
 *
 * @example
 * ```ts
 * import { homebrewFormula, parseSha256Sums } from "./release.ts";
 * const sums = new Map(["darwin-arm64", "darwin-x64", "linux-arm64", "linux-x64"]
 *   .map((p) => [`jmo-telemetry-${p}`, "0".repeat(64)]));
 * homebrewFormula({ version: "0.1.0", repository: "https://github.com/o/r", sums, date: "2026-12-01" });
 * ```
 */
export function homebrewFormula(release: Release): string {
  const pick = (os: string) => {
    const arm = download(release, `jmo-telemetry-${os}-arm64`);
    const x64 = download(release, `jmo-telemetry-${os}-x64`);
    return `    on_arm do
      url "${arm.url}"
      sha256 "${arm.sha256}"
    end
    on_intel do
      url "${x64.url}"
      sha256 "${x64.sha256}"
    end`;
  };
  return `# typed: false
# frozen_string_literal: true

# Written by \`deno task release\` from dist/SHA256SUMS.
class JmoTelemetry < Formula
  desc "${DESCRIPTION}"
  homepage "https://jmotools.com"
  license "MIT"

  on_macos do
${pick("darwin")}
  end

  on_linux do
${pick("linux")}
  end

  def install
    binary = Dir["jmo-telemetry-*"].first
    # A raw download is mode 0644; Homebrew's cleaner would leave it so.
    chmod 0755, binary
    bin.install binary => "jmo-telemetry"
  end

  test do
    assert_match "jmo-telemetry #{version}", shell_output("#{bin}/jmo-telemetry --version")
    ENV["JMO_TELEMETRY_DISABLE"] = "1"
    assert_match "env:JMO_TELEMETRY_DISABLE", shell_output("#{bin}/jmo-telemetry status --json")
  end
end
`;
}

function manifestFile(type: string, fields: Record<string, unknown>): string {
  const header = `# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.` +
    `${WINGET_SCHEMA}.schema.json\n# Written by \`deno task release\`.\n\n`;
  return header + stringify({ ...fields, ManifestType: type, ManifestVersion: WINGET_SCHEMA });
}

/**
 * The three WinGet manifests of a release (version, installer with the
 * portable Windows x64 binary and its sha256, default locale), by file name.
 *
 * @example
 * ```ts
 * import { wingetManifests } from "./release.ts";
 * const sums = new Map([["jmo-telemetry-windows-x64.exe", "0".repeat(64)]]);
 * const release = { version: "0.1.0", repository: "https://github.com/o/r", sums, date: "2026-12-01" };
 * Object.keys(wingetManifests(release));
 * // ["JMoSecurity.JMoTelemetry.yaml", "JMoSecurity.JMoTelemetry.installer.yaml", ...]
 * ```
 */
export function wingetManifests(release: Release): Record<string, string> {
  const identity = { PackageIdentifier: WINGET_ID, PackageVersion: release.version };
  const windows = download(release, "jmo-telemetry-windows-x64.exe");
  return {
    [`${WINGET_ID}.yaml`]: manifestFile("version", { ...identity, DefaultLocale: "en-US" }),
    [`${WINGET_ID}.installer.yaml`]: manifestFile("installer", {
      ...identity,
      InstallerType: "portable",
      Commands: ["jmo-telemetry"],
      Installers: [{
        Architecture: "x64",
        InstallerUrl: windows.url,
        InstallerSha256: windows.sha256.toUpperCase(),
      }],
      ReleaseDate: release.date,
    }),
    [`${WINGET_ID}.locale.en-US.yaml`]: manifestFile("defaultLocale", {
      ...identity,
      PackageLocale: "en-US",
      Publisher: "JMo Security",
      PublisherUrl: "https://jmotools.com",
      PublisherSupportUrl: `${release.repository}/issues`,
      PrivacyUrl: "https://jmotools.com/privacy",
      PackageName: "jmo-telemetry",
      PackageUrl: release.repository,
      License: "MIT",
      LicenseUrl: `${release.repository}/blob/v${release.version}/LICENSE`,
      ReleaseNotesUrl: `${release.repository}/releases/tag/v${release.version}`,
      ShortDescription: DESCRIPTION,
      Moniker: "jmo-telemetry",
      Tags: ["telemetry", "privacy", "cli"],
    }),
  };
}

/**
 * Writes the formula and the manifests for the binaries in `distDir`.
 *
 * @example
 * ```ts
 * import { writeRelease } from "./release.ts";
 * writeRelease("dist", { version: "0.1.0", repository: "https://github.com/o/r", date: "2026-12-01" });
 * ```
 */
export function writeRelease(
  distDir: string,
  options: { version: string; repository: string; date: string },
): string[] {
  const release: Release = {
    ...options,
    sums: parseSha256Sums(readFileSync(join(distDir, "SHA256SUMS"), "utf8")),
  };
  const formula = join(distDir, "homebrew", "jmo-telemetry.rb");
  mkdirSync(join(distDir, "homebrew"), { recursive: true });
  writeFileSync(formula, homebrewFormula(release));
  mkdirSync(join(distDir, "winget"), { recursive: true });
  const written = [formula];
  for (const [name, text] of Object.entries(wingetManifests(release))) {
    writeFileSync(join(distDir, "winget", name), text);
    written.push(join(distDir, "winget", name));
  }
  return written;
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { repository: { type: "string", default: RELEASE_REPOSITORY } },
  });
  const root = join(import.meta.dirname ?? ".", "..");
  const { version } = JSON.parse(readFileSync(join(root, "deno.json"), "utf8"));
  const date = releaseDate(readFileSync(join(root, "CHANGELOG.md"), "utf8"), version);
  const written = writeRelease(join(root, "dist"), {
    version,
    repository: values.repository!,
    date,
  });
  for (const path of written) console.log(`wrote ${path}`);
}
