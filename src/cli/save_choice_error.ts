/**
 * What `enable`, `disable` and `consent` say when `jmo.yml` could not be
 * changed: the file is always left as it was.
 *
 * @module
 */

import { ConfigSyntaxError } from "../consent/config_text.ts";
import { InputError } from "./errors.ts";

/**
 * The `InputError` (exit 2) for a failed `saveConfigChoice`: the file is not
 * valid YAML, cannot be written (with the system's code), or could not be
 * edited safely (with the reason).
 *
 * @example
 * ```ts
 * import { saveChoiceError } from "./save_choice_error.ts";
 * saveChoiceError("/work/jmo.yml", Object.assign(new Error("denied"), { code: "EACCES" }), "disable")
 *   .message; // "cannot write /work/jmo.yml (EACCES); check its permissions"
 * ```
 */
export function saveChoiceError(path: string, error: unknown, command: string): InputError {
  if (error instanceof ConfigSyntaxError) {
    return new InputError(
      `${path} is not valid YAML (${error.message}); it was left untouched. Fix it, then run \`jmo-telemetry ${command}\` again`,
    );
  }
  const code = (error as { code?: string }).code;
  if (code !== undefined) {
    return new InputError(`cannot write ${path} (${code}); check its permissions`);
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new InputError(`cannot change ${path} safely (${reason}); it was left untouched`);
}
