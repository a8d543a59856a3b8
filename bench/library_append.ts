/**
 * Item 4: the library's in-process append rate, in one process and in eight
 * processes appending to the same spool at once.
 *
 * Run as a script with `--child HOME COUNT`, it appends COUNT events into
 * HOME and prints `{"start":ms,"end":ms}` (wall-clock epoch milliseconds), so
 * the parent can measure the eight children over their common window without
 * counting runtime start-up.
 *
 * @module
 */

import { createClient } from "../src/mod.ts";
import type { ResultRow } from "./result_row.ts";

const EVENT = {
  profile: "balanced",
  duration_seconds: 420,
  tools_succeeded: 8,
  tools_failed: 0,
  total_findings: 12,
} as const;

/** Appends `count` events into `home`; returns the wall-clock window in epoch ms. */
function appendMany(home: string, count: number): { start: number; end: number } {
  const client = createClient({
    env: { HOME: home, DOCKER_CONTAINER: "0", JMO_TELEMETRY_ENDPOINT: "http://127.0.0.1:9/" },
    homedir: home,
    cwd: home,
  });
  client.track("scan.completed", EVENT);
  const start = Date.now();
  for (let i = 0; i < count; i++) client.track("scan.completed", EVENT);
  client.close();
  return { start, end: Date.now() };
}

async function appendInChildren(home: string, processes: number, count: number) {
  const children = Array.from({ length: processes }, () =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", import.meta.filename!, "--child", home, String(count)],
      stdout: "piped",
      stderr: "inherit",
    }).output());
  const windows = (await Promise.all(children)).map((out) => {
    if (!out.success) throw new Error(`an append child exited ${out.code}`);
    return JSON.parse(new TextDecoder().decode(out.stdout)) as { start: number; end: number };
  });
  const start = Math.min(...windows.map((w) => w.start));
  const end = Math.max(...windows.map((w) => w.end));
  return (processes * count) / ((end - start) / 1000);
}

/**
 * Measures item 4: events per second appended through `createClient().track`
 * by one process, then by eight at once into one spool.
 *
 * @example
 * ```ts
 * import { benchLibraryAppend } from "./library_append.ts";
 * const rows = await benchLibraryAppend(20_000);
 * ```
 */
export async function benchLibraryAppend(count: number): Promise<ResultRow[]> {
  const single = await Deno.makeTempDir({ prefix: "jmo-bench-append-" });
  const window = appendMany(single, count);
  const rate = count / ((window.end - window.start) / 1000);
  const shared = await Deno.makeTempDir({ prefix: "jmo-bench-append8-" });
  const rate8 = await appendInChildren(shared, 8, count / 4);
  await Deno.remove(single, { recursive: true });
  await Deno.remove(shared, { recursive: true });
  return [
    {
      item: "4. library append (createClient().track), one process",
      figure: `${Math.round(rate)} events/s`,
      detail: `${count} events in ${window.end - window.start} ms`,
      target: ">= 20000 events/s",
      holds: rate >= 20_000,
    },
    {
      item: "4. library append, 8 processes into one spool",
      figure: `${Math.round(rate8)} events/s`,
      detail: `8 x ${count / 4} events, summed over their common window`,
      target: "(reported)",
      holds: true,
    },
  ];
}

if (import.meta.main && Deno.args[0] === "--child") {
  console.log(JSON.stringify(appendMany(Deno.args[1], Number(Deno.args[2]))));
}
