/**
 * The test suite's system packages: Debian's `chromium` (the HTML report is
 * rendered in it), `ruby` (`ruby -c` checks the Homebrew formula), `file`
 * (it names each cross-compiled binary's executable format), `twine` (it
 * checks the Python wheels and sdist), `mypy` (it checks that the Python
 * module is typed), `faketime` (a clock a day behind, or before 2000, for
 * one process), `strace` (it counts the processes `track` starts),
 * `python3-build`, `python3-setuptools` and `python3-wheel` (Debian's Python
 * builds the sdist offline) and, when `python3` cannot make a venv
 * with pip or has no pytest, `python3-venv` and `python3-pytest` (the
 * installed wheels are tested with pytest in a fresh venv). The test task
 * runs this first; it installs what is missing with apt-get when it can, and
 * otherwise says what to install.
 *
 * @module
 */

import { existsSync } from "node:fs";
import process from "node:process";

/** Each package the suite needs, by the executable it provides. */
const PACKAGES: Record<string, string> = {
  chromium: "/usr/bin/chromium",
  ruby: "/usr/bin/ruby",
  file: "/usr/bin/file",
  twine: "/usr/bin/twine",
  mypy: "/usr/bin/mypy",
  faketime: "/usr/bin/faketime",
  strace: "/usr/bin/strace",
};

/** Whether `python` can import `modules`. */
function pythonHas(python: string, modules: string): boolean {
  try {
    return new Deno.Command(python, {
      args: ["-c", `import ${modules}`],
      stdout: "null",
      stderr: "null",
    }).outputSync().success;
  } catch {
    return false;
  }
}

function apt(args: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const out = new Deno.Command("apt-get", { args, env, stdout: "null", stderr: "inherit" })
    .outputSync();
  return out.success;
}

const missing = Object.keys(PACKAGES).filter((name) => !existsSync(PACKAGES[name]));
if (!pythonHas("python3", "ensurepip, venv, pytest")) {
  missing.push("python3-venv", "python3-pytest");
}
if (!pythonHas("/usr/bin/python3", "build, setuptools, wheel")) {
  missing.push("python3-build", "python3-setuptools", "python3-wheel");
}
if (missing.length > 0) {
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  if (!canInstall) {
    console.error(
      `The tests need Debian's ${missing.join(" and ")}: apt-get install ${missing.join(" ")}`,
    );
    Deno.exit(1);
  }
  console.error(`Installing ${missing.join(", ")} for the tests (apt-get)...`);
  if (!apt(["update", "-qq"]) || !apt(["install", "-y", "-qq", ...missing])) {
    console.error(`apt-get could not install ${missing.join(" ")}; install them and run again.`);
    Deno.exit(1);
  }
}
