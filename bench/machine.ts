/**
 * What the benchmark ran on: date, machine and tool versions, for the head of
 * `bench/results.md`.
 *
 * @module
 */

import { cpus, release, totalmem } from "node:os";
import { join } from "node:path";

const ROOT = join(import.meta.dirname ?? ".", "..");

function versionOf(command: string, args: string[]): string {
  try {
    const out = new Deno.Command(command, { args, stdout: "piped", stderr: "null" }).outputSync();
    return new TextDecoder().decode(out.stdout).split("\n")[0].trim();
  } catch {
    return "not found";
  }
}

function packageVersion(name: string): string {
  const path = join(ROOT, "node_modules", name, "package.json");
  return JSON.parse(Deno.readTextFileSync(path)).version;
}

/**
 * Lines describing this run: date, CPU, memory, kernel, runtimes.
 *
 * @example
 * ```ts
 * import { describeMachine } from "./machine.ts";
 * console.log(describeMachine().join("\n"));
 * ```
 */
export function describeMachine(): string[] {
  const cpu = cpus();
  const bin = join(ROOT, "node_modules", ".bin");
  return [
    `- date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- machine: ${cpu.length} x ${cpu[0]?.model ?? "unknown CPU"}, ${
      Math.round(totalmem() / 2 ** 30)
    } GiB, Linux ${release()}`,
    `- deno ${Deno.version.deno}, bun ${versionOf(join(bin, "bun"), ["--version"])}, node ${
      versionOf("node", ["--version"])
    }, miniflare ${packageVersion("miniflare")}, workerd ${packageVersion("workerd")}`,
  ];
}
