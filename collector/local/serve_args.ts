/**
 * The command line of `deno task collector`.
 *
 * @module
 */

import { parseArgs } from "node:util";

/** Usage text of `deno task collector`. */
export const SERVE_USAGE = `Usage: deno task collector [--port N] [--data DIR]
       deno task collector --scheduled-now [--data DIR]

Runs the jmo-telemetry collector Worker locally (workerd through Miniflare)
on 127.0.0.1, with its D1 database persisted on disk and migrations applied.

Options:
  --port N          port to listen on (default 8787; 0 picks a free one)
  --data DIR        directory of the D1 database (default .data/)
  --scheduled-now   run the Worker's daily job once on DIR and exit: retention
                    (delete events received more than 400 days ago) and the
                    day's release of the public stats; stop the collector
                    serving DIR first
  -h, --help        show this help

Environment:
  ADMIN_TOKEN  token that GET /v1/export accepts; a random one is printed when unset

Endpoints: POST /v1/events, GET /v1/export[?since=ISO], GET /v1/stats.
Stops cleanly on Ctrl-C or SIGTERM; the data stays in DIR.`;

/** What the command line asks for. */
export type ServeArgs =
  | { kind: "serve"; port: number; dataDir: string }
  | { kind: "scheduled"; dataDir: string }
  | { kind: "help" }
  | { kind: "error"; message: string };

/**
 * Parses the arguments of `deno task collector`.
 *
 * @example
 * ```ts
 * import { parseServeArgs } from "./serve_args.ts";
 * parseServeArgs(["--port", "9000"]); // { kind: "serve", port: 9000, dataDir: ".data" }
 * parseServeArgs(["--port", "x"]).kind; // "error"
 * parseServeArgs(["--scheduled-now"]); // { kind: "scheduled", dataDir: ".data" }
 * ```
 */
export function parseServeArgs(args: string[]): ServeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        data: { type: "string" },
        "scheduled-now": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return { kind: "error", message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { kind: "help" };
  const port = values.port === undefined ? 8787 : Number(values.port);
  if (!/^\d+$/.test(values.port ?? "8787") || port > 65535) {
    return { kind: "error", message: `--port must be a number from 0 to 65535` };
  }
  if (values.data === "") return { kind: "error", message: "--data must not be empty" };
  if (values["scheduled-now"]) {
    if (values.port !== undefined) {
      return { kind: "error", message: "--scheduled-now serves nothing: drop --port" };
    }
    return { kind: "scheduled", dataDir: values.data ?? ".data" };
  }
  return { kind: "serve", port, dataDir: values.data ?? ".data" };
}
