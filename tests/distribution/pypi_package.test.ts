import { deepEqual, equal, match, ok } from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { buildAnyWheel, buildPlatformWheel, buildSdist } from "../../scripts/pypi/mod.ts";
import { HOST_PAYLOADS, USER_DEFINED_NAMES } from "../fixtures/host_payloads.ts";
import { BINARY, ROOT } from "../helpers/run_binary.ts";
import { newestGlibc } from "../helpers/newest_glibc.ts";
import { makeVenv, pythonJson, runPytest } from "../helpers/python_venv.ts";
import { startTestCollector } from "../helpers/start_test_collector.ts";

// Built once for the file: the wheel of this machine's binary, the wheel
// without one, and the sdist.
const out = Deno.makeTempDirSync({ prefix: "jmo-pypi-" });
addEventListener("unload", () => Deno.removeSync(out, { recursive: true }));
const platformWheel = buildPlatformWheel(BINARY, join(out, "dist"));
const anyWheel = buildAnyWheel(join(out, "dist"));
const sdist = buildSdist(join(out, "dist"));
const VERSION = JSON.parse(readFileSync(join(ROOT, "deno.json"), "utf8")).version as string;
const PYTHON_TESTS = join(ROOT, "tests", "distribution", "python");
const ARCH = Deno.build.arch === "aarch64" ? "aarch64" : "x86_64";

interface WheelReport {
  tags: string[];
  entries: Record<string, number>;
  mismatched: string[];
  unlisted: string[];
}

function inspect(wheel: string): WheelReport {
  return pythonJson(join(PYTHON_TESTS, "inspect_wheel.py"), [wheel]) as WheelReport;
}

function command(name: string, args: string[]): { code: number; text: string } {
  const result = new Deno.Command(name, { args, stdout: "piped", stderr: "piped" }).outputSync();
  const decoder = new TextDecoder();
  return { code: result.code, text: decoder.decode(result.stdout) + decoder.decode(result.stderr) };
}

Deno.test("the Linux wheel is tagged manylinux with the newest glibc symbol version its binary uses", () => {
  const [major, minor] = newestGlibc(BINARY);
  const tags = [`manylinux_${major}_${minor}_${ARCH}`];
  if (major === 2 && minor <= 17) tags.push(`manylinux2014_${ARCH}`);
  equal(basename(platformWheel), `jmo_telemetry-${VERSION}-py3-none-${tags.join(".")}.whl`);
  deepEqual(inspect(platformWheel).tags, tags.map((tag) => `py3-none-${tag}`));
});

Deno.test("each wheel's RECORD lists every file with its true hash and size, and the binary has its run bit", () => {
  for (const wheel of [platformWheel, anyWheel]) {
    const report = inspect(wheel);
    deepEqual(report.mismatched, [], wheel);
    deepEqual(report.unlisted, [], wheel);
    const info = `jmo_telemetry-${VERSION}.dist-info`;
    for (
      const name of [
        "jmo_telemetry/__init__.py",
        "jmo_telemetry/__main__.py",
        "jmo_telemetry/py.typed",
        `${info}/METADATA`,
        `${info}/WHEEL`,
        `${info}/LICENSE`,
        `${info}/entry_points.txt`,
      ]
    ) ok(name in report.entries, `${basename(wheel)} lacks ${name}`);
  }
  const binary = inspect(platformWheel).entries["jmo_telemetry/bin/jmo-telemetry"];
  equal(binary, 0o755);
  deepEqual(inspect(anyWheel).tags, ["py3-none-any"]);
  ok(!("jmo_telemetry/bin/jmo-telemetry" in inspect(anyWheel).entries));
});

Deno.test("twine check passes on both wheels and the sdist", () => {
  const check = command("twine", ["check", "--strict", platformWheel, anyWheel, sdist]);
  equal(check.code, 0, check.text);
  equal(check.text.match(/PASSED/g)?.length, 3, check.text);
});

Deno.test("the sdist holds PKG-INFO, pyproject.toml, README, license and the module", () => {
  const listing = command("tar", ["-tzf", sdist]);
  equal(listing.code, 0, listing.text);
  const root = `jmo_telemetry-${VERSION}`;
  deepEqual(listing.text.trim().split("\n").sort(), [
    `${root}/LICENSE`,
    `${root}/PKG-INFO`,
    `${root}/README.md`,
    `${root}/jmo_telemetry/__init__.py`,
    `${root}/jmo_telemetry/__main__.py`,
    `${root}/jmo_telemetry/_binary.py`,
    `${root}/jmo_telemetry/py.typed`,
    `${root}/pyproject.toml`,
  ]);
  const metadata = command("tar", ["-xzOf", sdist, `${root}/PKG-INFO`]).text;
  match(
    metadata,
    new RegExp(`^Metadata-Version: 2\\.1\nName: jmo-telemetry\nVersion: ${VERSION}\n`),
  );
  match(metadata, /^Requires-Python: >=3\.10$/m);
});

function passedCount(output: string): number {
  const passed = output.match(/(\d+) passed/);
  return passed ? Number(passed[1]) : 0;
}

Deno.test("installed alone in a fresh venv, the platform wheel passes the Python suite against a local collector, JMo's whole call-site replay included", async () => {
  await using collector = await startTestCollector();
  const venv = makeVenv(join(out, "venv-platform"), [platformWheel]);
  const payloads = join(out, "host_payloads.json");
  writeFileSync(
    payloads,
    JSON.stringify({ payloads: HOST_PAYLOADS, user_defined_names: USER_DEFINED_NAMES }),
  );
  const result = runPytest(
    venv,
    [
      "test_jmo_api.py",
      "test_host_alias.py",
      "test_plain_api.py",
      "test_host_replay.py",
      "test_binary_commands.py",
    ].map((f) => join(PYTHON_TESTS, f)),
    {
      JMO_TEST_COLLECTOR_URL: collector.url,
      JMO_TEST_ADMIN_TOKEN: collector.adminToken,
      JMO_TEST_HOST_PAYLOADS: payloads,
      JMO_TEST_REPO_README: join(ROOT, "README.md"),
    },
  );
  equal(result.code, 0, result.output);
  ok(passedCount(result.output) >= 20, result.output);
});

Deno.test("installed alone in a fresh venv, the py3-none-any wheel does nothing and raises nothing", () => {
  const venv = makeVenv(join(out, "venv-any"), [anyWheel]);
  const result = runPytest(venv, [join(PYTHON_TESTS, "test_any_wheel.py")], {});
  equal(result.code, 0, result.output);
  equal(passedCount(result.output), 4, result.output);
});

Deno.test("the README's Install section starts with pip install jmo-telemetry and gives the package README's one line for JMo", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const install = readme.slice(readme.indexOf("\n## Install\n") + "\n## Install\n".length);
  match(install, /^\n```sh\npip install jmo-telemetry\n```\n/);
  const line = (text: string) => text.match(/```python\n(.*sys\.modules\[__name__\].*\n)```/)?.[1];
  const packageReadme = readFileSync(join(ROOT, "python", "README.md"), "utf8");
  equal(line(install), line(packageReadme));
  ok(line(packageReadme));
});

Deno.test("the module passes mypy --strict for Python 3.10", () => {
  const cwd = Deno.makeTempDirSync({ prefix: "jmo-mypy-" });
  const check = new Deno.Command("mypy", {
    args: ["--strict", "--python-version", "3.10", join(ROOT, "python", "jmo_telemetry")],
    cwd,
    stdout: "piped",
    stderr: "piped",
  }).outputSync();
  const text = new TextDecoder().decode(check.stdout) + new TextDecoder().decode(check.stderr);
  Deno.removeSync(cwd, { recursive: true });
  equal(check.code, 0, text);
  match(text, /^Success: no issues found in 3 source files/);
});

Deno.test("the sdist builds offline with setuptools (Debian's python3 -m build) into the py3-none-any wheel's module", () => {
  const work = Deno.makeTempDirSync({ prefix: "jmo-sdist-" });
  equal(command("tar", ["-xzf", sdist, "-C", work]).code, 0);
  const built = command("/usr/bin/python3", [
    "-m",
    "build",
    "--wheel",
    "--no-isolation",
    "--outdir",
    join(work, "out"),
    join(work, `jmo_telemetry-${VERSION}`),
  ]);
  equal(built.code, 0, built.text);
  const wheel = join(work, "out", `jmo_telemetry-${VERSION}-py3-none-any.whl`);
  const modules = (path: string) =>
    Object.keys(inspect(path).entries).filter((name) => name.startsWith("jmo_telemetry/")).sort();
  deepEqual(modules(wheel), modules(anyWheel));
  deepEqual(inspect(wheel).mismatched, []);
  Deno.removeSync(work, { recursive: true });
});
