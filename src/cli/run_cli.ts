/**
 * Wires the real process into `main`.
 *
 * @module
 */

import { homedir } from "node:os";
import { readFileSync } from "node:fs";
import process from "node:process";
import { VERSION } from "../version.ts";
import { main } from "./main.ts";
import { isTerminal, writeAll, writeBestEffort } from "./process_io.ts";

async function readStdin(maxBytes?: number): Promise<string> {
  if (maxBytes === undefined) return readFileSync(0, "utf8");
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) {
      process.stdin.destroy();
      throw Object.assign(new Error(`standard input holds more than ${maxBytes} bytes`), {
        code: "ETOOLARGE",
      });
    }
    chunks.push(chunk);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return new TextDecoder().decode(all);
}

async function readLine(): Promise<string> {
  const { createInterface } = await import("node:readline");
  const lines = createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of lines) return line;
    return "";
  } finally {
    lines.close();
  }
}

/**
 * Runs the CLI in this process with the given arguments; resolves to the exit code.
 *
 * @example
 * ```ts
 * import { runCli } from "./run_cli.ts";
 * runCli(["status"]).then((code) => console.log(code));
 * ```
 */
export function runCli(argv: string[]): Promise<number> {
  return main(argv, {
    env: process.env,
    cwd: process.cwd(),
    homedir: homedir(),
    stdout: (text) => writeAll(1, text),
    stderr: (text) => writeBestEffort(2, text),
    readStdin,
    readLine,
    tty: {
      get stdin() {
        return isTerminal(0);
      },
      get stdout() {
        return isTerminal(1);
      },
      get stderr() {
        return isTerminal(2);
      },
    },
    now: () => new Date(),
    version: VERSION,
  });
}
