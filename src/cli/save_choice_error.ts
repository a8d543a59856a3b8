/**
 * What `enable`, `disable` and `consent` say when `jmo.yml` could not be
 * changed: the file is always left as it was.
 *
 * @module
 */

import { ConfigSyntaxError } from "../consent/config_text.ts";
import { describeFsError, fsErrorCode } from "../fs/fs_error.ts";
import { InputError } from "./errors.ts";

/**
 * The `InputError` (exit 2) for a failed `saveConfigChoice`: the file is not
 * valid YAML, cannot be read or written (the system's reason in words), or
 * could not be edited safely (with the reason).
 *
 * @example
 * ```ts
 * import { saveChoiceError } from "./save_choice_error.ts";
 * saveChoiceError("/work/jmo.yml", Object.assign(new Error("denied"), { code: "EACCES" }), "disable")
 *   .message;
 * // "cannot update /work/jmo.yml (permission denied); it was left untouched. Fix that, or
 * //  give another file with --config, then run `jmo-telemetry disable` again"
 * ```
 */
export function saveChoiceError(path: string, error: unknown, command: string): InputError {
  const again = `then run \`jmo-telemetry ${command}\` again`;
  if (error instanceof ConfigSyntaxError) {
    return new InputError(
      `${path} is not valid YAML (${error.message}); it was left untouched. Fix it, ${again}`,
    );
  }
  if (fsErrorCode(error) !== undefined) {
    return new InputError(
      `cannot update ${path} (${
        describeFsError(error)
      }); it was left untouched. Fix that, or give another file with --config, ${again}`,
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError(`cannot change ${path} safely (${reason}); it was left untouched`);
}
