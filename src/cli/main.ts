/**
 * The CLI's entry logic and its one top-level error handler.
 *
 * @module
 */

import type { CommandContext } from "./command.ts";
import { describeFsError, fsErrorCode } from "../fs/fs_error.ts";
import { DiskError, EXIT, InputError, UsageError } from "./errors.ts";
import { loadYamlParser } from "../consent/yaml_parser.ts";
import { COMMANDS } from "./registry.ts";

/** Commands that never read the config file up front: `track` loads the parser only when there is one. */
const WITHOUT_CONFIG: ReadonlySet<string> = new Set([
  "track",
  "check",
  "bucket",
  "view",
  "report",
]);

/** The top-level help text. */
export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) =>
    `  ${name.padEnd(width)}  ${c.summary}`
  );
  return [
    "jmo-telemetry: privacy-first, offline-tolerant usage telemetry for JMo Security",
    "",
    "Usage: jmo-telemetry <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Options:",
    "  -h, --help     show help (also after any command)",
    "  -V, --version  print the version",
    "",
    "Opt out at any time: JMO_TELEMETRY_DISABLE=1, `jmo-telemetry disable`,",
    "or `telemetry.enabled: false` in jmo.yml. Privacy policy: https://jmotools.com/privacy",
    "",
  ].join("\n");
}

/**
 * Runs the CLI with the given arguments and context and resolves to the exit
 * code; every error is mapped here: usage and input errors and refused events
 * to 2, a disk that refused the command's work and anything unexpected to 1.
 *
 * @example
 * ```ts
 * import { main } from "./main.ts";
 * // const code = await main(["status", "--json"], context);
 * ```
 */
export async function main(argv: string[], context: CommandContext): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? context.stderr : context.stdout)(mainHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    context.stdout(`jmo-telemetry ${context.version}\n`);
    return EXIT.ok;
  }
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (entry === undefined) {
    context.stderr(`jmo-telemetry: unknown command '${name}'\n\n${mainHelp()}`);
    return EXIT.usage;
  }
  if (!WITHOUT_CONFIG.has(name)) await loadYamlParser();
  const command = await entry.load();
  try {
    if (rest.includes("--version") || rest.includes("-V")) {
      context.stdout(`jmo-telemetry ${context.version}\n`);
      return EXIT.ok;
    }
    return await command.run(rest, context);
  } catch (error) {
    return reportError(name, error, context);
  }
}

function reportError(name: string, error: unknown, context: CommandContext): number {
  if (error instanceof UsageError) {
    context.stderr(
      `jmo-telemetry ${name}: ${error.message}\n${error.usage ? `\n${error.usage}` : ""}`,
    );
    return EXIT.usage;
  }
  if (error instanceof InputError || error instanceof DiskError) {
    context.stderr(`jmo-telemetry ${name}: ${error.message}\n`);
    return error instanceof InputError ? EXIT.usage : EXIT.internal;
  }
  if (error instanceof Error && error.name === "EventValidationError") {
    context.stderr(`jmo-telemetry ${name}: event refused, nothing recorded: ${error.message}\n`);
    return EXIT.usage;
  }
  const code = fsErrorCode(error);
  if (code !== undefined) {
    // The disk refused something no command anticipated: say what, not "internal error".
    const path = (error as { path?: string }).path;
    context.stderr(
      `jmo-telemetry ${name}: ${describeFsError(error)}${path ? ` at ${path}` : ""}; ` +
        "check that the state folder (JMO_HOME, else ~/.jmo-security) is writable\n",
    );
    return EXIT.internal;
  }
  const message = error instanceof Error ? error.message : String(error);
  context.stderr(`jmo-telemetry ${name}: internal error: ${message}\n`);
  return EXIT.internal;
}
