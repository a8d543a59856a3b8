/**
 * Strict flag parsing for every command. Written out here rather than on
 * `node:util`'s `parseArgs`: loading `node:util` costs a compiled `track`
 * about a millisecond, a tenth of its whole run.
 *
 * @module
 */

import { UsageError } from "./errors.ts";

/** One flag: a boolean switch or a string value, with an optional one-letter alias. */
export interface FlagSpec {
  type: "boolean" | "string";
  short?: string;
}

/** The parsed flags and positional arguments. */
export interface ParsedArgs<F extends Record<string, FlagSpec>> {
  flags: { [K in keyof F]?: F[K]["type"] extends "boolean" ? boolean : string };
  positionals: string[];
  /** `--help` or `-h` was given. */
  help: boolean;
}

const HELP_FLAG: FlagSpec = { type: "boolean", short: "h" };

function flagNamed(spec: Record<string, FlagSpec>, token: string): [string, FlagSpec] | undefined {
  if (token.startsWith("--")) {
    const name = token.slice(2);
    return Object.hasOwn(spec, name) ? [name, spec[name]] : undefined;
  }
  const short = token.slice(1);
  return Object.entries(spec).find(([, flag]) => flag.short === short);
}

/**
 * Parses a command's arguments strictly: an unknown flag, a missing value or
 * too many positionals is a `UsageError` carrying the command's help text.
 * `--help` and `-h` are always accepted; `--name=value` and `--name value`
 * both give a string flag its value; after `--` everything is positional; a
 * lone `-` (stdin) is a value or a positional like any other word.
 *
 * @example
 * ```ts
 * import { parseArgs } from "./parse_args.ts";
 * const { flags, positionals } = parseArgs(["scan.started", "--meta", "{}"], {
 *   meta: { type: "string" },
 * }, { help: "Usage: track EVENT", maxPositionals: 1 });
 * flags.meta; // "{}"
 * positionals; // ["scan.started"]
 * ```
 */
export function parseArgs<F extends Record<string, FlagSpec>>(
  args: string[],
  spec: F,
  options: { help: string; maxPositionals?: number },
): ParsedArgs<F> {
  const known: Record<string, FlagSpec> = { ...spec, help: HELP_FLAG };
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const fail = (message: string): never => {
    throw new UsageError(message, options.help);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positionals.push(arg);
      continue;
    }
    const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const token = equals === -1 ? arg : arg.slice(0, equals);
    const flag = flagNamed(known, token) ?? fail(`Unknown option '${token}'`);
    const [name, { type }] = flag;
    if (type === "boolean") {
      if (equals !== -1) fail(`Option '--${name}' does not take an argument`);
      values[name] = true;
    } else if (equals !== -1) {
      values[name] = arg.slice(equals + 1);
    } else {
      const value = args[i + 1];
      if (value === undefined) fail(`Option '--${name} <value>' argument missing`);
      if (value !== "-" && value.startsWith("-")) {
        fail(
          `Option '--${name}' needs a value; to give one that starts with '-', write --${name}=${value}`,
        );
      }
      values[name] = value;
      i++;
    }
  }
  const help = values.help === true;
  const max = options.maxPositionals ?? 0;
  if (!help && positionals.length > max) {
    fail(`unexpected argument '${positionals[max]}'`);
  }
  const { help: _help, ...flags } = values;
  return { flags: flags as ParsedArgs<F>["flags"], positionals, help };
}
