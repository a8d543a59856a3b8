/**
 * Strict flag parsing for every command, on `node:util`'s `parseArgs`.
 *
 * @module
 */

import { parseArgs as nodeParseArgs } from "node:util";
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

/**
 * Parses a command's arguments strictly: an unknown flag, a missing value or
 * too many positionals is a `UsageError` carrying the command's help text.
 * `--help` and `-h` are always accepted.
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
  let parsed;
  try {
    parsed = nodeParseArgs({
      args,
      options: { ...spec, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UsageError(
      message.replace(/\. To specify a positional argument.*$/, ""),
      options.help,
    );
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const help = values.help === true;
  const max = options.maxPositionals ?? 0;
  if (!help && parsed.positionals.length > max) {
    throw new UsageError(`unexpected argument '${parsed.positionals[max]}'`, options.help);
  }
  const { help: _help, ...flags } = values;
  return { flags: flags as ParsedArgs<F>["flags"], positionals: parsed.positionals, help };
}
