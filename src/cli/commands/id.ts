/**
 * `jmo-telemetry id`: print, create, rotate or delete the anonymous id.
 *
 * @module
 */

import {
  deleteAnonymousId,
  ensureAnonymousIdFile,
  installPaths,
  readAnonymousId,
  readAnonymousIdFile,
  rotateAnonymousId,
} from "../../install/mod.ts";
import { clientCoreFor } from "../client_core_for.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { parseArgs } from "../parse_args.ts";

const HELP = `Usage: jmo-telemetry id [--create [--file PATH] | --rotate | --delete]

Prints the anonymous id: a random UUID made when the first event is recorded,
linked to nothing about you.

Options:
  --create     make the id first when there is none (or it is damaged), then
               print it: an explicit request, so it is made whether telemetry
               is on or off (the Python API's get_anonymous_id())
  --file PATH  with --create, or alone: the id file to use instead of
               telemetry-id in the state folder (its folder is made)
  --rotate     replace it with a new random id (later events cannot be linked to earlier ones)
  --delete     remove it; a new one is made if telemetry records again
  -h, --help   show this help
`;

/** The `id` command. */
export const idCommand: Command = {
  name: "id",
  summary: "print, create, rotate or delete the anonymous id",
  help: HELP,
  run(args, context) {
    const { flags, help } = parseArgs(args, {
      create: { type: "boolean" },
      file: { type: "string" },
      rotate: { type: "boolean" },
      delete: { type: "boolean" },
    }, { help: HELP });
    if (help) {
      context.stdout(HELP);
      return Promise.resolve(0);
    }
    if ([flags.create, flags.rotate, flags.delete].filter(Boolean).length > 1) {
      throw new UsageError("give one of --create, --rotate or --delete", HELP);
    }
    if (flags.file !== undefined && (flags.rotate || flags.delete)) {
      throw new UsageError("--file goes with --create or alone", HELP);
    }
    const home = clientCoreFor(context).settings.home;
    const idFile = flags.file ?? installPaths(home).idFile;
    if (flags.create) {
      context.stdout(ensureAnonymousIdFile(idFile) + "\n");
      return Promise.resolve(0);
    }
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
    const id = readAnonymousIdFile(idFile);
    if (id === undefined) {
      context.stderr("There is no anonymous id yet; one is made when an event is recorded.\n");
    } else {
      context.stdout(id + "\n");
    }
    return Promise.resolve(0);
  },
};
