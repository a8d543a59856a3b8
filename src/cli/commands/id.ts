/**
 * `jmo-telemetry id`: print, rotate or delete the anonymous id.
 *
 * @module
 */

import { deleteAnonymousId, readAnonymousId, rotateAnonymousId } from "../../install/mod.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry id [--rotate | --delete]

Prints the anonymous id: a random UUID made when the first event is recorded,
linked to nothing about you.

Options:
  --rotate    replace it with a new random id (later events cannot be linked to earlier ones)
  --delete    remove it; a new one is made if telemetry records again
  -h, --help  show this help
`;

/** The `id` command. */
export const idCommand: Command = {
  name: "id",
  summary: "print, rotate or delete the anonymous id",
  help: HELP,
  run(args, context) {
    const { flags, help } = parseArgs(args, {
      rotate: { type: "boolean" },
      delete: { type: "boolean" },
    }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return Promise.resolve(0);
    }
    if (flags.rotate && flags.delete) {
      throw new UsageError("give --rotate or --delete, not both", HELP);
    }
    const home = clientCoreFor(context).settings.home;
    if (flags.delete) {
      const had = deleteAnonymousId(home);
      context.stderr(had ? "Anonymous id deleted.\n" : "There was no anonymous id.\n");
      return Promise.resolve(0);
    }
    if (flags.rotate) {
      if (readAnonymousId(home) === undefined) {
        context.stderr("There is no anonymous id yet; one is made when an event is recorded.\n");
        return Promise.resolve(0);
      }
      context.stdout(rotateAnonymousId(home) + "\n");
      return Promise.resolve(0);
    }
    const id = readAnonymousId(home);
    if (id === undefined) {
      context.stderr("There is no anonymous id yet; one is made when an event is recorded.\n");
    } else {
      context.stdout(id + "\n");
    }
    return Promise.resolve(0);
  },
};
