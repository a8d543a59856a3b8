/**
 * Running a Python program as the host tool would run: `python3 -c SCRIPT`,
 * with a JSON document on its standard input and one on its standard output.
 *
 * @module
 */

/**
 * Runs `script` under python3, writes `input` to it as JSON, and parses
 * what it prints as JSON.
 *
 * @example
 * ```ts
 * import { runPython } from "./python_host.ts";
 * await runPython("import json,sys; print(json.dumps(json.load(sys.stdin)))", [1]); // [1]
 * ```
 */
export async function runPython(script: string, input: unknown): Promise<unknown> {
  const child = new Deno.Command("python3", {
    args: ["-c", script],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(input)));
  await writer.close();
  const out = await child.output();
  if (!out.success) throw new Error(`python3 exited ${out.code}`);
  return JSON.parse(new TextDecoder().decode(out.stdout));
}
