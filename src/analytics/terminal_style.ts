/**
 * Colour for the terminal dashboard, and when to use it.
 *
 * @module
 */

import type { Environment } from "../settings/mod.ts";

/** How text is highlighted: plain functions that add ANSI colour, or leave text alone. */
export interface TerminalStyle {
  heading: (text: string) => string;
  bar: (text: string) => string;
  dim: (text: string) => string;
  warn: (text: string) => string;
}

/**
 * Whether to colour: only on a terminal, and never when `NO_COLOR` is
 * present and not empty (the no-color.org convention: any value, `0`
 * included, turns colour off, so it is a marker rather than a boolean).
 *
 * @example
 * ```ts
 * import { wantsColour } from "@jmo/telemetry/analytics";
 * wantsColour({ NO_COLOR: "1" }, true); // false
 * wantsColour({}, false); // false
 * ```
 */
export function wantsColour(env: Environment, isTerminal: boolean): boolean {
  return isTerminal && (env.NO_COLOR === undefined || env.NO_COLOR === "");
}

function ansi(code: string, on: boolean): (text: string) => string {
  return on ? (text) => `\x1b[${code}m${text}\x1b[0m` : (text) => text;
}

/**
 * The style: ANSI colours when `colour` is true, plain text otherwise.
 *
 * @example
 * ```ts
 * import { terminalStyle } from "@jmo/telemetry/analytics";
 * terminalStyle(false).heading("Totals"); // "Totals"
 * terminalStyle(true).heading("Totals"); // "\x1b[1;36mTotals\x1b[0m"
 * ```
 */
export function terminalStyle(colour: boolean): TerminalStyle {
  return {
    heading: ansi("1;36", colour),
    bar: ansi("32", colour),
    dim: ansi("2", colour),
    warn: ansi("33", colour),
  };
}
