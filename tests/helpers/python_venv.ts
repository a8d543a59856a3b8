/**
 * A fresh virtual environment for a test (the standard library's `venv`,
 * seeing the system's site-packages for pytest), packages installed from
 * wheel files only, and pytest run in it with a clean environment.
 *
 * @module
 */

import { join } from "node:path";

/** A virtual environment made for a test. */
export interface Venv {
  /** Its folder. */
  dir: string;
  /** Its Python. */
  python: string;
  /** Its scripts folder (`bin`). */
  bin: string;
}

function run(command: string, args: string[], env?: Record<string, string>) {
  const out = new Deno.Command(command, {
    args,
    stdout: "piped",
    stderr: "piped",
    ...(env ? { env, clearEnv: true } : {}),
  }).outputSync();
  const decoder = new TextDecoder();
  return {
    code: out.code,
    stdout: decoder.decode(out.stdout),
    stderr: decoder.decode(out.stderr),
  };
}

/**
 * Makes a venv in `dir` with `python3 -m venv` and installs `wheels` into
 * it with `pip install --no-index`; throws with pip's words when that fails.
 *
 * @example
 * ```ts
 * import { makeVenv } from "./python_venv.ts";
 * const venv = makeVenv("/tmp/venv", ["dist/pypi/jmo_telemetry-0.1.0-py3-none-any.whl"]);
 * ```
 */
export function makeVenv(dir: string, wheels: string[]): Venv {
  const made = run("python3", ["-m", "venv", "--system-site-packages", dir]);
  if (made.code !== 0) throw new Error(`python3 -m venv failed: ${made.stderr}`);
  const bin = join(dir, Deno.build.os === "windows" ? "Scripts" : "bin");
  const python = join(bin, "python");
  const pip = run(python, [
    "-m",
    "pip",
    "install",
    "--no-index",
    "--disable-pip-version-check",
    ...wheels,
  ]);
  if (pip.code !== 0) throw new Error(`pip install failed: ${pip.stdout}${pip.stderr}`);
  return { dir, python, bin };
}

/**
 * Runs pytest on `files` with the venv's Python in an environment holding
 * only `PATH`, a throwaway `HOME` and `env`; resolves to its exit code and
 * output. No cache or bytecode is written next to the tests.
 *
 * @example
 * ```ts
 * import { makeVenv, runPytest } from "./python_venv.ts";
 * const venv = makeVenv("/tmp/venv", ["dist/pypi/jmo_telemetry-0.1.0-py3-none-any.whl"]);
 * runPytest(venv, ["tests/distribution/python/test_any_wheel.py"], {}).code; // 0
 * ```
 */
export function runPytest(
  venv: Venv,
  files: string[],
  env: Record<string, string>,
): { code: number; output: string } {
  const out = run(venv.python, ["-m", "pytest", "-p", "no:cacheprovider", "-q", ...files], {
    PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
    HOME: venv.dir,
    PYTHONDONTWRITEBYTECODE: "1",
    ...env,
  });
  return { code: out.code, output: out.stdout + out.stderr };
}

/**
 * Runs `python3 SCRIPT ARGS...` (the system's Python) and parses its
 * standard output as JSON.
 *
 * @example
 * ```ts
 * import { pythonJson } from "./python_venv.ts";
 * pythonJson("tests/distribution/python/inspect_wheel.py", ["a.whl"]);
 * ```
 */
export function pythonJson(script: string, args: string[]): unknown {
  const out = run("python3", [script, ...args]);
  if (out.code !== 0) throw new Error(`python3 ${script} failed: ${out.stderr}`);
  return JSON.parse(out.stdout);
}
