import { deepEqual, equal, match, notEqual, ok } from "node:assert/strict";
import { chmodSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { compileAll, RELEASE_TARGETS } from "../../scripts/compile_all.ts";
import { parseSha256Sums, releaseDate, WINGET_ID, writeRelease } from "../../scripts/release.ts";
import { buildPypi } from "../../scripts/build_pypi.ts";
import { newestGlibc } from "../helpers/newest_glibc.ts";
import { processesWithEnv } from "../helpers/background_processes.ts";
import { makeSandbox, ROOT, runBinary, trackArgs } from "../helpers/run_binary.ts";
import { ACCEPTED, startTestServer } from "../helpers/test_server.ts";

// The expensive part, once for the file: the five cross-compiles, then the
// release files written from them.
const dist = Deno.makeTempDirSync({ prefix: "jmo-dist-" });
addEventListener("unload", () => Deno.removeSync(dist, { recursive: true }));
const built = compileAll(dist);
const VERSION = JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8")).version as string;
const REPOSITORY = "https://github.com/example/jmo-telemetry";
const CHANGELOG = readFileSync(join(ROOT, "CHANGELOG.md"), "utf8");
writeRelease(dist, {
  version: VERSION,
  repository: REPOSITORY,
  date: releaseDate(CHANGELOG, VERSION),
});
/** The Linux binary of this machine's architecture: what the Docker image holds. */
const LINUX_BINARY = join(
  dist,
  `jmo-telemetry-linux-${Deno.build.arch === "aarch64" ? "arm64" : "x64"}`,
);

function output(command: string, args: string[], cwd = dist): { code: number; text: string } {
  const out = new Deno.Command(command, { args, cwd, stdout: "piped", stderr: "piped" })
    .outputSync();
  const decoder = new TextDecoder();
  return { code: out.code, text: decoder.decode(out.stdout) + decoder.decode(out.stderr) };
}

const FORMATS: Record<string, RegExp> = {
  "jmo-telemetry-linux-x64": /ELF 64-bit LSB (pie )?executable, x86-64/,
  "jmo-telemetry-linux-arm64": /ELF 64-bit LSB (pie )?executable, ARM aarch64/,
  "jmo-telemetry-darwin-x64": /Mach-O 64-bit x86_64 executable/,
  "jmo-telemetry-darwin-arm64": /Mach-O 64-bit arm64 executable/,
  "jmo-telemetry-windows-x64.exe": /PE32\+ executable \(console\) x86-64, for MS Windows/,
};

Deno.test("compile:all cross-compiles five binaries, each recognised by `file` as its platform's executable", () => {
  deepEqual(built.map((b) => b.file), RELEASE_TARGETS.map((t) => t.file));
  for (const { file } of built) {
    const described = output("file", ["-b", file]);
    equal(described.code, 0, described.text);
    match(described.text, FORMATS[file], `${file}: ${described.text}`);
  }
});

Deno.test("SHA256SUMS names every binary and verifies with sha256sum -c", () => {
  const sums = parseSha256Sums(readFileSync(join(dist, "SHA256SUMS"), "utf8"));
  deepEqual([...sums.keys()], RELEASE_TARGETS.map((t) => t.file));
  const check = output("sha256sum", ["--strict", "-c", "SHA256SUMS"]);
  equal(check.code, 0, check.text);
  equal(check.text.trim().split("\n").filter((l) => l.endsWith(": OK")).length, 5);
});

Deno.test("the Homebrew formula is valid Ruby, names no version of its own (brew reads it from the download URL), picks each macOS and Linux binary with on_arm/on_intel, and installs it executable", () => {
  const formula = join(dist, "homebrew", "jmo-telemetry.rb");
  const syntax = output("ruby", ["-c", formula]);
  equal(syntax.code, 0, syntax.text);
  match(syntax.text, /Syntax OK/);
  const text = readFileSync(formula, "utf8");
  ok(!text.includes("Hardware::CPU"), "the CPU is picked by on_arm/on_intel blocks");
  match(text, /chmod 0755, binary\n\s*bin\.install binary => "jmo-telemetry"/);
  match(text, /^ {2}test do$/m);
  ok(
    !/^\s*version /m.test(text),
    "no explicit version: brew audit calls it redundant with the URL",
  );
  // Evaluates the formula with a minimal stand-in for Homebrew's DSL, on each
  // OS and CPU, then runs its install in a directory holding the download as
  // Homebrew leaves it (mode 0644), and reports the mode bin.install saw.
  const harness = join(dist, "formula_harness.rb");
  writeFileSync(
    harness,
    `require "fileutils"
class Formula
  include FileUtils
  PICKED = {}
  def self.on_macos = (yield if ENV["OS"] == "macos")
  def self.on_linux = (yield if ENV["OS"] == "linux")
  def self.on_arm = (yield if ENV["CPU"] == "arm")
  def self.on_intel = (yield if ENV["CPU"] == "intel")
  def self.url(value) = PICKED[:url] = value
  def self.sha256(value) = PICKED[:sha256] = value
  def self.desc(*) = nil
  def self.homepage(*) = nil
  def self.license(*) = nil
  def self.test(*) = nil
  Bin = Struct.new(:installed) do
    def install(files) = files.each { |from, to| self.installed = format("%s %o %s", from, File.stat(from).mode & 0o777, to) }
  end
  def bin = (@bin ||= Bin.new)
end
load ARGV[0]
formula = JmoTelemetry.new
Dir.chdir(ARGV[1]) { formula.install }
# As brew's version scanner reads a GitHub release download URL.
version = Formula::PICKED[:url][%r{/releases/download/v([^/]+)/}, 1]
puts "#{JmoTelemetry.superclass} #{version} #{Formula::PICKED[:url]} #{Formula::PICKED[:sha256]}"
puts "installed #{formula.bin.installed}"
`,
  );
  const sums = parseSha256Sums(readFileSync(join(dist, "SHA256SUMS"), "utf8"));
  for (
    const [os, cpu, file] of [
      ["macos", "arm", "jmo-telemetry-darwin-arm64"],
      ["macos", "intel", "jmo-telemetry-darwin-x64"],
      ["linux", "arm", "jmo-telemetry-linux-arm64"],
      ["linux", "intel", "jmo-telemetry-linux-x64"],
    ]
  ) {
    const buildpath = Deno.makeTempDirSync({ dir: dist, prefix: "buildpath-" });
    writeFileSync(join(buildpath, file), "");
    chmodSync(join(buildpath, file), 0o644);
    const out = new Deno.Command("ruby", {
      args: [harness, formula, buildpath],
      env: { OS: os, CPU: cpu },
      stdout: "piped",
      stderr: "piped",
    }).outputSync();
    equal(out.code, 0, new TextDecoder().decode(out.stderr));
    deepEqual(new TextDecoder().decode(out.stdout).trim().split("\n"), [
      `Formula ${VERSION} ${REPOSITORY}/releases/download/v${VERSION}/${file} ${sums.get(file)}`,
      `installed ${file} 755 jmo-telemetry`,
    ]);
  }
});

Deno.test("the WinGet manifests parse, carry schema 1.12.0 and their required fields, the installer's sha256, and ReleaseDate, PublisherSupportUrl and ReleaseNotesUrl as winget-pkgs manifests do", () => {
  const dir = join(dist, "winget");
  const names = readdirSync(dir).sort();
  deepEqual(names, [
    `${WINGET_ID}.installer.yaml`,
    `${WINGET_ID}.locale.en-US.yaml`,
    `${WINGET_ID}.yaml`,
  ]);
  const required: Record<string, string[]> = {
    version: ["PackageIdentifier", "PackageVersion", "DefaultLocale"],
    installer: ["PackageIdentifier", "PackageVersion", "InstallerType", "Commands", "Installers"],
    defaultLocale: [
      "PackageIdentifier",
      "PackageVersion",
      "PackageLocale",
      "Publisher",
      "PackageName",
      "License",
      "ShortDescription",
    ],
  };
  const manifests = Object.fromEntries(names.map((name) => {
    const text = readFileSync(join(dir, name), "utf8");
    const manifest = parse(text) as Record<string, unknown>;
    const type = manifest.ManifestType as string;
    ok(type in required, `${name}: ManifestType ${type}`);
    ok(
      text.startsWith(
        `# yaml-language-server: $schema=https://aka.ms/winget-manifest.${type}.1.12.0.schema.json\n`,
      ),
      `${name} starts with its schema line`,
    );
    equal(manifest.ManifestVersion, "1.12.0");
    for (const field of required[type]) notEqual(manifest[field] ?? "", "", `${name}: ${field}`);
    equal(manifest.PackageIdentifier, WINGET_ID);
    equal(manifest.PackageVersion, VERSION);
    return [type, manifest];
  }));
  equal(manifests.version.DefaultLocale, manifests.defaultLocale.PackageLocale);
  // As the manifests in winget-pkgs carry them: the release date (a YAML date
  // string, as the schema's "format: date"), where to get support and the notes.
  const dated = CHANGELOG.split("\n").find((line) => line.startsWith(`## [${VERSION}] - `));
  equal(manifests.installer.ReleaseDate, dated?.slice(`## [${VERSION}] - `.length));
  match(
    readFileSync(join(dir, `${WINGET_ID}.installer.yaml`), "utf8"),
    /^ReleaseDate: \d{4}-\d\d-\d\d$/m,
  );
  equal(manifests.defaultLocale.PublisherSupportUrl, `${REPOSITORY}/issues`);
  equal(manifests.defaultLocale.ReleaseNotesUrl, `${REPOSITORY}/releases/tag/v${VERSION}`);
  const installer = manifests.installer as {
    InstallerType: string;
    Commands: string[];
    Installers: { Architecture: string; InstallerUrl: string; InstallerSha256: string }[];
  };
  equal(installer.InstallerType, "portable");
  deepEqual(installer.Commands, ["jmo-telemetry"]);
  equal(installer.Installers.length, 1);
  equal(installer.Installers[0].Architecture, "x64");
  equal(
    installer.Installers[0].InstallerUrl,
    `${REPOSITORY}/releases/download/v${VERSION}/jmo-telemetry-windows-x64.exe`,
  );
  const sums = parseSha256Sums(readFileSync(join(dist, "SHA256SUMS"), "utf8"));
  equal(
    installer.Installers[0].InstallerSha256,
    sums.get("jmo-telemetry-windows-x64.exe")!.toUpperCase(),
  );
});

/** The Dockerfile's instructions by stage: `[keyword, arguments]`, continuation lines joined. */
function dockerStages(text: string): [string, string][][] {
  const lines = text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim());
  const stages: [string, string][][] = [];
  for (const line of lines.filter((l) => l !== "" && !l.startsWith("#"))) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    if (keyword.toUpperCase() === "FROM") stages.push([]);
    stages.at(-1)!.push([keyword.toUpperCase(), args]);
  }
  return stages;
}

Deno.test("the Dockerfile passes dockerfile-utils lint and builds in one stage, then ships only the binary as a non-root user", () => {
  const lint = output(join(ROOT, "node_modules", ".bin", "dockerfile-utils"), [
    "lint",
    "Dockerfile",
  ], ROOT);
  equal(lint.code, 0, lint.text);
  equal(lint.text.trim(), "");
  const stages = dockerStages(readFileSync(join(ROOT, "Dockerfile"), "utf8"));
  equal(stages.length, 2);
  const [build, final] = stages;
  match(build[0][1], /^node:\S+ AS build$/);
  ok(build.some(([k, a]) => k === "RUN" && /npm ci/.test(a)));
  ok(build.some(([k, a]) => k === "RUN" && /deno task compile/.test(a)));
  const copies = final.filter(([k]) => k === "COPY" || k === "ADD");
  deepEqual(copies, [[
    "COPY",
    "--from=build /app/dist/jmo-telemetry /usr/local/bin/jmo-telemetry",
  ]]);
  ok(!final.some(([k]) => k === "RUN"), "the final stage runs nothing");
  deepEqual(final.filter(([k]) => k === "ENV"), [["ENV", "DOCKER_CONTAINER=1"]]);
  const user = final.filter(([k]) => k === "USER").at(-1)?.[1] ?? "root";
  ok(!/^(root|0)(:|$)/.test(user), `USER ${user} is not root`);
  deepEqual(final.filter(([k]) => k === "ENTRYPOINT"), [["ENTRYPOINT", '["jmo-telemetry"]']]);
  const ignored = readFileSync(join(ROOT, ".dockerignore"), "utf8").split("\n");
  for (const entry of ["node_modules", "dist", "npm", ".git"]) ok(ignored.includes(entry), entry);
});

Deno.test("as in the image, JMO_TELEMETRY_DISABLE=1 writes nothing, sends nothing, spawns nothing and exits 0", async () => {
  const box = await makeSandbox();
  const server = await startTestServer(() => ACCEPTED);
  const marker = crypto.randomUUID();
  const env = box.env({
    DOCKER_CONTAINER: "1",
    JMO_TELEMETRY_DISABLE: "1",
    JMO_TELEMETRY_ENDPOINT: `${server.origin}/v1/events`,
    JMO_TEST_RUN: marker,
  });
  for (const event of ["scan.started", "scan.completed"]) {
    const r = await runBinary(trackArgs(event), { binary: LINUX_BINARY, env, cwd: box.cwd });
    equal(r.code, 0, r.stderr);
    equal(r.stdout, "");
    equal(r.stderr, "", "no banner when telemetry is off");
  }
  const flushed = await runBinary(["flush"], { binary: LINUX_BINARY, env, cwd: box.cwd });
  equal(flushed.code, 0, flushed.stderr);
  deepEqual(processesWithEnv("JMO_TEST_RUN", marker), []);
  deepEqual(readdirSync(box.home), []);
  deepEqual(readdirSync(box.cwd), []);
  equal(server.requests.length, 0);
  await server.close();
  await box.remove();
});

/** A way to run a script with HOME and the working directory read-only. */
interface ReadOnlyWay {
  /** Which way, for the name of the test's step. */
  name: string;
  /** The command line that runs `script` (`sh -c`) in the read-only filesystem. */
  command(script: string): [string, string[]];
  /** The mode HOME and the working directory are given while it runs. */
  dirMode: number;
}

/**
 * As root, whom file modes do not stop, HOME, the working directory and /tmp
 * are bound read-only in a private mount namespace, as `docker run
 * --read-only` leaves the filesystem. Anyone else may not mount: HOME and the
 * working directory lose their write bits instead.
 */
const READ_ONLY: ReadOnlyWay = Deno.uid() === 0
  ? {
    name: "as root: HOME, the working directory and /tmp bound read-only by unshare -m and mount",
    command: (script) => ["unshare", [
      "-m",
      "sh",
      "-c",
      `for d in /tmp "$HOME" "$PWD"; do mount --bind "$d" "$d" && ` +
      `mount -o remount,bind,ro "$d" || exit 99; done; ${script}`,
    ]],
    dirMode: 0o755,
  }
  : {
    name: "not root: HOME and the working directory made read-only by chmod 0555",
    command: (script) => ["sh", ["-c", script]],
    dirMode: 0o555,
  };

Deno.test("as in the image with a read-only filesystem, track exits 0 with one short line and status still reports", async (t) => {
  const box = await makeSandbox();
  const track = trackArgs("scan.started").map((a) => `'${a}'`).join(" ");
  const [command, args] = READ_ONLY.command(
    `touch "$HOME/probe" 2>/dev/null && exit 98; "$0" ${track} && exec "$0" status`,
  );
  await t.step(`read-only ${READ_ONLY.name}`, async () => {
    for (const dir of [box.home, box.cwd]) chmodSync(dir, READ_ONLY.dirMode);
    const out = await new Deno.Command(command, {
      args: [...args, LINUX_BINARY],
      env: box.env({ DOCKER_CONTAINER: "1" }),
      clearEnv: true,
      cwd: box.cwd,
      stdout: "piped",
      stderr: "piped",
    }).output().finally(() => {
      for (const dir of [box.home, box.cwd]) chmodSync(dir, 0o755);
    });
    const stderr = new TextDecoder().decode(out.stderr);
    equal(out.code, 0, stderr);
    ok(stderr.trim().split("\n").length <= 1, `at most one short line on stderr: ${stderr}`);
    match(new TextDecoder().decode(out.stdout), /^Pending: +0 events/m);
  });
  await box.remove();
});

Deno.test("as in the image, DOCKER_CONTAINER=1 shows the banner on every run and records mode docker", async () => {
  const box = await makeSandbox();
  const env = box.env({ DOCKER_CONTAINER: "1" });
  for (let run = 0; run < 2; run++) {
    const r = await runBinary(trackArgs("scan.started"), {
      binary: LINUX_BINARY,
      env,
      cwd: box.cwd,
    });
    equal(r.code, 0, r.stderr);
    match(r.stderr, /JMO_TELEMETRY_DISABLE=1/);
  }
  const shown = await runBinary(["show"], { binary: LINUX_BINARY, env, cwd: box.cwd });
  const modes = shown.stdout.trim().split("\n").map((line) => JSON.parse(line).metadata.mode);
  deepEqual(modes, ["docker", "docker"]);
  await box.remove();
});

Deno.test("build:pypi writes a wheel per release binary, tagged from the binary, the any wheel and the sdist; twine check passes on all", () => {
  const pypi = join(dist, "pypi");
  const written = buildPypi(dist, pypi).map((path) => path.slice(pypi.length + 1));
  const glibc = (file: string) => newestGlibc(join(dist, file)).join("_");
  deepEqual(written, [
    `jmo_telemetry-${VERSION}-py3-none-manylinux_${
      glibc("jmo-telemetry-linux-x64")
    }_x86_64.manylinux2014_x86_64.whl`,
    `jmo_telemetry-${VERSION}-py3-none-manylinux_${
      glibc("jmo-telemetry-linux-arm64")
    }_aarch64.manylinux2014_aarch64.whl`,
    `jmo_telemetry-${VERSION}-py3-none-macosx_13_0_x86_64.whl`,
    `jmo_telemetry-${VERSION}-py3-none-macosx_13_0_arm64.whl`,
    `jmo_telemetry-${VERSION}-py3-none-win_amd64.whl`,
    `jmo_telemetry-${VERSION}-py3-none-any.whl`,
    `jmo_telemetry-${VERSION}.tar.gz`,
  ]);
  const check = output("twine", ["check", "--strict", ...written], pypi);
  equal(check.code, 0, check.text);
  equal(check.text.match(/PASSED/g)?.length, 7, check.text);
  const windows = output("python3", ["-m", "zipfile", "-l", written[4]], pypi);
  match(windows.text, /jmo_telemetry\/bin\/jmo-telemetry\.exe/);
});
