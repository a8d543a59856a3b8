// Running the package's bin as a host tool does: the `jmo-telemetry` that npm
// linked into node_modules/.bin, as a child process in a clean environment.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The installed bin: the suite runs from `<project>/tests/`, beside `<project>/node_modules/`. */
export const BIN = fileURLToPath(new URL("../node_modules/.bin/jmo-telemetry", import.meta.url));

/**
 * Runs the bin with `args` in `cwd` with exactly the environment `env` (and
 * `stdin` as its standard input, when given); resolves to its exit code and
 * output.
 *
 * @example
 * ```js
 * import { runBin } from "./run_bin.mjs";
 * const { code, stdout } = await runBin(["--version"], { env: box.env(), cwd: box.cwd });
 * ```
 */
export function runBin(args, { env, cwd, stdin }) {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, args, { env, cwd, stdio: ["pipe", "pipe", "pipe"] });
    const out = { stdout: "", stderr: "" };
    child.stdout.setEncoding("utf8").on("data", (text) => out.stdout += text);
    child.stderr.setEncoding("utf8").on("data", (text) => out.stderr += text);
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, ...out }));
    child.stdin.end(stdin ?? "");
  });
}
