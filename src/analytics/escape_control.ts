/**
 * Text from a source made safe to print on a terminal.
 *
 * @module
 */

/** C0 controls (line breaks and tabs included), DEL and C1 controls. */
// deno-lint-ignore no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Shows every control character (C0, DEL, C1) as its `\uXXXX` escape, so that
 * a file name, a key or a message read from a source cannot move the cursor,
 * retitle the window or clear the screen when printed; the rest is kept.
 *
 * @example
 * ```ts
 * import { escapeControl } from "@jmo/telemetry/analytics";
 * escapeControl("\u001b]2;PWNED\u0007"); // "\\u001b]2;PWNED\\u0007"
 * escapeControl("C:\\events\\é.jsonl"); // "C:\\events\\é.jsonl"
 * ```
 */
export function escapeControl(text: string): string {
  return text.replace(
    CONTROL,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
