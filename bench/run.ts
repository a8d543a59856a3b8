/**
 * `deno task bench`: every benchmark item, printed as a table and written to
 * `bench/results.md` with the date, machine and versions. Times are ratios
 * against a baseline measured in the same run, interleaved, medians; the
 * absolute values stand beside them.
 *
 * Usage: `deno task bench [--runs N]` (default 40 runs per timed variant).
 *
 * @module
 */

import { parseArgs } from "node:util";
import { join } from "node:path";
import { benchBinarySizes } from "./binary_sizes.ts";
import { benchCollectorIngest } from "./collector_ingest.ts";
import { benchCollectorScale } from "./collector_scale.ts";
import { benchFlushThroughput } from "./flush_throughput.ts";
import { benchLibraryAppend } from "./library_append.ts";
import { benchLibraryCost } from "./library_cost.ts";
import { describeMachine } from "./machine.ts";
import { markdownTable } from "./markdown_table.ts";
import { benchPythonSendEvent } from "./python_send_event.ts";
import type { ResultRow } from "./result_row.ts";
import { benchTrackHostWait } from "./track_host_wait.ts";
import { benchTrackStartup } from "./track_startup.ts";

const { values } = parseArgs({ args: Deno.args, options: { runs: { type: "string" } } });
const runs = Number(values.runs ?? 40);
if (!Number.isInteger(runs) || runs < 30) {
  console.error("--runs must be a whole number of at least 30 (medians of fewer mean little)");
  Deno.exit(2);
}

const steps: [string, () => Promise<ResultRow[]>][] = [
  ["items 1-2: track start-up against a Bun hello-world", () => benchTrackStartup(runs)],
  ["item 3: a Python host's wait, collector hanging / answering", () => benchTrackHostWait(runs)],
  ["item 4: library append", () => benchLibraryAppend(20_000)],
  ["item 5: flush into the local collector", () => benchFlushThroughput(10_000)],
  ["item 6: collector ingest, 4 clients", () => benchCollectorIngest(20)],
  ["item 7: binary size of each target", () => benchBinarySizes()],
  [
    'item 8: send_event from Python against subprocess.run(["true"])',
    () => benchPythonSendEvent(runs),
  ],
  ["item 9: the npm library next to @astrojs/telemetry", () => benchLibraryCost(runs)],
  ["item 10: the collector with 500,000 events stored", () => benchCollectorScale()],
];

if (import.meta.main) {
  const rows: ResultRow[] = [];
  for (const [title, step] of steps) {
    console.error(`running ${title} ...`);
    rows.push(...await step());
  }
  const machine = describeMachine();
  const table = markdownTable(rows);
  console.log(table);
  const page = [
    "# Benchmark results",
    "",
    "Written by `deno task bench`. Times are ratios against a baseline measured in the same run,",
    `interleaved, median of ${runs} runs each; the absolute values stand beside them.`,
    "",
    ...machine,
    "",
    table,
  ].join("\n");
  await Deno.writeTextFile(join(import.meta.dirname ?? ".", "results.md"), page);
  console.error("wrote bench/results.md");
}
