/**
 * The errors the CLI maps to exit codes, in one place.
 *
 * @module
 */

/** Bad usage: an unknown command or flag, a missing or malformed argument. Exit 2. */
export class UsageError extends Error {
  /** The usage text of the command, printed after the message. */
  readonly usage: string;
  /**
   * @example
   * ```ts
   * import { UsageError } from "./errors.ts";
   * throw new UsageError("unknown flag --colour", "Usage: jmo-telemetry view [options]");
   * ```
   */
  constructor(message: string, usage = "") {
    super(message);
    this.name = "UsageError";
    this.usage = usage;
  }
}

/** A file the user pointed at cannot be used as it is (for example a malformed `jmo.yml`). Exit 2. */
export class InputError extends Error {
  /**
   * @example
   * ```ts
   * import { InputError } from "./errors.ts";
   * throw new InputError("jmo.yml is not valid YAML (line 3): fix it, then run the command again");
   * ```
   */
  constructor(message: string) {
    super(message);
    this.name = "InputError";
  }
}

/**
 * The disk refused what the command exists to do (a read-only file system,
 * a full disk, a permission): no internal error, the message says what to
 * do. Exit 1.
 */
export class DiskError extends Error {
  /**
   * @example
   * ```ts
   * import { DiskError } from "./errors.ts";
   * throw new DiskError("could not delete the pending events (read-only file system)");
   * ```
   */
  constructor(message: string) {
    super(message);
    this.name = "DiskError";
  }
}

/** Exit codes of every command. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  pending: 3,
} as const;
