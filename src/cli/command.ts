/**
 * What a command is and what it is given.
 *
 * @module
 */

import type { Environment } from "../settings/mod.ts";

/** The process around a command, passed in so commands do no hidden global reads. */
export interface CommandContext {
  env: Environment;
  cwd: string;
  homedir: string;
  /** Writes to standard output. */
  stdout: (text: string) => void;
  /** Writes to standard error. */
  stderr: (text: string) => void;
  /**
   * Reads all of standard input as text; with `maxBytes`, rejects with code
   * `ETOOLARGE` once it holds more (an endless input never fills the memory).
   */
  readStdin: (maxBytes?: number) => Promise<string>;
  /** Reads one line of standard input (without its newline); empty at end of input. */
  readLine: () => Promise<string>;
  /** Whether standard input, output and error are terminals. */
  tty: { stdin: boolean; stdout: boolean; stderr: boolean };
  /** The current time. */
  now: () => Date;
  /** The client's own version. */
  version: string;
}

/** One `jmo-telemetry` command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run: (args: string[], context: CommandContext) => Promise<number>;
}
