/**
 * The benchmark table as Markdown.
 *
 * @module
 */

import type { ResultRow } from "./result_row.ts";

/**
 * The results as a Markdown table.
 *
 * @example
 * ```ts
 * import { markdownTable } from "./markdown_table.ts";
 * markdownTable([{ item: "x", figure: "1x", detail: "", target: "<= 2x", holds: true }]);
 * ```
 */
export function markdownTable(rows: ResultRow[]): string {
  const lines = [
    "| item | figure | target | holds | measured |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) =>
      `| ${r.item} | ${r.figure} | ${r.target} | ${r.holds ? "yes" : "**no**"} | ${r.detail} |`
    ),
  ];
  return lines.join("\n") + "\n";
}
