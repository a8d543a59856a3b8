/**
 * The opt-in notice and question of `jmo-telemetry consent`.
 *
 * @module
 */

import { COLLECTION_SUMMARY, PRIVACY_URL } from "./banner.ts";

/** The question asked on the terminal. */
export const CONSENT_QUESTION = "Enable anonymous telemetry? [y/N]: ";

/**
 * The notice printed before the question.
 *
 * @example
 * ```ts
 * import { consentNotice } from "./consent_prompt.ts";
 * consentNotice("/work/jmo.yml").includes("jmo.yml"); // true
 * ```
 */
export function consentNotice(configPath: string): string {
  return [
    "",
    "Help improve JMo Security",
    "We'd like to collect anonymous usage stats to prioritise features.",
    COLLECTION_SUMMARY,
    `  Privacy policy: ${PRIVACY_URL}`,
    `  Your answer is saved in ${configPath}; change it there at any time.`,
    "",
    "",
  ].join("\n");
}

/**
 * Reads an answer: `y` or `yes` in any case means yes; Enter or anything else means no.
 *
 * @example
 * ```ts
 * import { answerIsYes } from "@jmo/telemetry";
 * answerIsYes(" YES\n"); // true
 * answerIsYes(""); // false
 * ```
 */
export function answerIsYes(answer: string): boolean {
  const word = answer.trim().toLowerCase();
  return word === "y" || word === "yes";
}
