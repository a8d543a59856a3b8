import { deepEqual, equal, ok } from "node:assert/strict";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { applyRetention } from "../../src/client/apply_retention.ts";
import { createClient } from "../../src/mod.ts";
import {
  appendEvents,
  makeName,
  MAX_SPOOL_BYTES,
  processScope,
  spoolLayout,
} from "../../src/spool/mod.ts";
import { eventLine } from "../spool/spool_files.ts";

const DAY_MS = 86_400_000;
/** A pid no process has: past Linux's largest pid_max. */
const DEAD_PID = 99_999_999;

function utcSecond(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + "Z";
}

/** Every entry under `dir`, with the size of each file: what is on disk. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => `${join(e.parentPath, e.name)}${e.isFile() ? "" : "/"}`).sort();
}

/** The parts of a status report that retention changes. */
function retentionView(report: ReturnType<ReturnType<typeof createClient>["status"]>) {
  const { pending, dropped, refusals, rejected_batches } = report;
  return { pending, dropped, refusals, rejected_batches };
}

Deno.test("status() counts what the spool's limits would drop as a flush would find it, changing nothing on disk: the same report as after dropping it", () => {
  const homedir = Deno.makeTempDirSync({ prefix: "jmo-status-" });
  const now = Date.now();
  const client = createClient({
    env: { DOCKER_CONTAINER: "0" },
    homedir,
    cwd: homedir,
    now: () => new Date(now),
  });
  const home = client.core.settings.home;
  const layout = spoolLayout(home);
  // Past the 5 MiB cap: the oldest of these go first.
  const filler = Array.from(
    { length: 4 },
    (_, i) => Array.from({ length: 5_000 }, () => eventLine(utcSecond(now - (10 - i) * DAY_MS))),
  );
  for (const lines of filler) appendEvents(home, lines);
  // Expired (older than 30 days), a damaged line and a line that is no valid event.
  appendEvents(home, [
    eventLine(utcSecond(now - 40 * DAY_MS)),
    "not json at all",
    JSON.stringify({ ...JSON.parse(eventLine()), event: "scan.exploded" }),
    eventLine(),
  ]);
  // An entry that cannot be read as a segment.
  mkdirSync(join(layout.ready, makeName(now, 1, ".ndjson")));
  // The open segment of a writer that is gone, and the claim of a flusher that is gone.
  writeFileSync(
    join(layout.open, makeName(now, DEAD_PID, ".ndjson", processScope())),
    eventLine(utcSecond(now - 35 * DAY_MS)) + "\n" + eventLine() + "\n",
  );
  const claim = join(layout.claimed, makeName(now, DEAD_PID, "", processScope()));
  mkdirSync(claim, { recursive: true });
  writeFileSync(join(claim, makeName(now - 1, DEAD_PID, ".ndjson")), eventLine() + "\n");

  const before = listing(layout.root);
  const counted = client.status();
  deepEqual(listing(layout.root), before);
  applyRetention(client.core);
  const dropped = client.status();

  deepEqual(retentionView(counted), retentionView(dropped));
  equal(counted.dropped.expired, 2);
  ok(counted.dropped.over_cap > 0);
  equal(counted.dropped.damaged, 2);
  equal(counted.dropped.rejected, 1);
  deepEqual(Object.keys(counted.refusals).length, 1);
  equal(counted.rejected_batches, 2);
  ok(counted.pending.bytes <= MAX_SPOOL_BYTES);
  equal(counted.pending.events, 20_000 + 3 - counted.dropped.over_cap);
  Deno.removeSync(homedir, { recursive: true });
});
