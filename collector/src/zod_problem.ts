/**
 * A zod refusal in the words of the collector's `400` details.
 *
 * @module
 */

import type { z } from "zod";

/**
 * The dotted field and the reason of zod's first issue, named as the event
 * checker names them (an unknown key is the key's own path).
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { zodProblem } from "./zod_problem.ts";
 * const result = z.strictObject({ metadata: z.strictObject({}) }).safeParse({ metadata: { x: 1 } });
 * if (!result.success) zodProblem(result.error).field; // "metadata.x"
 * ```
 */
export function zodProblem(error: z.ZodError): { field: string; reason: string } {
  const [issue] = error.issues;
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") path.push(issue.keys[0]);
  return { field: path.join("."), reason: issue.message };
}
