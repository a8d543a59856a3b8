/**
 * How wide a line of text is drawn, estimated without a browser, so that an
 * SVG can make room for its labels.
 *
 * @module
 */

/**
 * Widths of characters as fractions of the font size, rounded up from DejaVu
 * Sans, the widest of the usual system sans-serif fonts (Helvetica, Arial,
 * Segoe UI and Roboto are narrower), so the estimate errs wide.
 */
const EM_WIDTHS: [RegExp, number][] = [
  [/[mwMW%@]/, 1],
  [/[A-Z]/, 0.8],
  [/[ijlfrt.,:;'!|()[\] -]/, 0.42],
];
/** Every other character: lowercase letters, digits, `_`. */
const DEFAULT_EM = 0.65;

/**
 * The width `text` takes in a sans-serif font of `fontSize`, in the same
 * units, never less than it takes in the fonts a browser picks for
 * `system-ui` or `sans-serif`.
 *
 * @example
 * ```ts
 * import { textWidth } from "@jmo/telemetry/analytics";
 * textWidth("trivy", 10); // 25.6 (about: three narrow letters, two others)
 * textWidth("", 13); // 0
 * ```
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const char of text) {
    ems += EM_WIDTHS.find(([pattern]) => pattern.test(char))?.[1] ?? DEFAULT_EM;
  }
  return ems * fontSize;
}
