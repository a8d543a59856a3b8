import { deepEqual, equal, throws } from "node:assert/strict";
import { UsageError } from "../../src/cli/errors.ts";
import { parseArgs } from "../../src/cli/parse_args.ts";

const SPEC = {
  meta: { type: "string" },
  "meta-file": { type: "string" },
  json: { type: "boolean" },
} as const;
const HELP = "Usage: test";

function usageError(args: string[], message: RegExp, maxPositionals = 1): void {
  throws(() => parseArgs(args, SPEC, { help: HELP, maxPositionals }), (error) => {
    return error instanceof UsageError && message.test(error.message);
  });
}

Deno.test("parseArgs gives string flags their value, spaced or after '=', and booleans true", () => {
  const parsed = parseArgs(["scan.started", "--meta", "{}", "--json"], SPEC, {
    help: HELP,
    maxPositionals: 1,
  });
  deepEqual(parsed, {
    flags: { meta: "{}", json: true },
    positionals: ["scan.started"],
    help: false,
  });
  equal(parseArgs(['--meta={"a":1}'], SPEC, { help: HELP }).flags.meta, '{"a":1}');
  equal(parseArgs(["--meta="], SPEC, { help: HELP }).flags.meta, "");
});

Deno.test("parseArgs takes a lone '-' as a value (stdin) and as a positional", () => {
  equal(parseArgs(["--meta-file", "-"], SPEC, { help: HELP }).flags["meta-file"], "-");
  deepEqual(parseArgs(["-"], SPEC, { help: HELP, maxPositionals: 1 }).positionals, ["-"]);
});

Deno.test("parseArgs treats everything after '--' as positional", () => {
  deepEqual(
    parseArgs(["--", "--json", "x"], SPEC, { help: HELP, maxPositionals: 2 }).positionals,
    ["--json", "x"],
  );
});

Deno.test("parseArgs accepts --help and -h on any command, even with extra words", () => {
  equal(parseArgs(["--help"], SPEC, { help: HELP }).help, true);
  equal(parseArgs(["-h", "a", "b"], SPEC, { help: HELP }).help, true);
});

Deno.test("parseArgs refuses unknown flags, missing values and stray words with a UsageError", () => {
  usageError(["--colour"], /Unknown option '--colour'/);
  usageError(["-x"], /Unknown option '-x'/);
  usageError(["--meta"], /Option '--meta <value>' argument missing/);
  usageError(["--json=yes"], /Option '--json' does not take an argument/);
  usageError(["--meta", "--json"], /needs a value; .* write --meta=--json/);
  usageError(["a", "b"], /unexpected argument 'b'/);
  usageError(["a"], /unexpected argument 'a'/, 0);
});

Deno.test("parseArgs does not take inherited object keys for flags", () => {
  usageError(["--constructor"], /Unknown option '--constructor'/);
  usageError(["--toString=1"], /Unknown option '--toString'/);
});
