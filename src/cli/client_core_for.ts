/**
 * The client context of a command, from the command's process context.
 *
 * @module
 */

import { type ClientCore, clientCore } from "../client/client_core.ts";
import type { CommandContext } from "./command.ts";

/**
 * Builds the client context a command works with.
 *
 * @example
 * ```ts
 * import { clientCoreFor } from "./client_core_for.ts";
 * // const core = clientCoreFor(context, flags.config);
 * ```
 */
export function clientCoreFor(context: CommandContext, configPath?: string): ClientCore {
  return clientCore({
    env: context.env,
    homedir: context.homedir,
    cwd: context.cwd,
    configPath,
    now: context.now,
    version: context.version,
  });
}
