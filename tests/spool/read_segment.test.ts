import { deepEqual, equal, throws } from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readSegment } from "../../src/spool/mod.ts";
import { eventLine, makeFifo, tempHome } from "./spool_files.ts";

const failing = (code: string) => () => {
  throw Object.assign(new Error(code), { code });
};

Deno.test("a segment that may not be read (EACCES) reads as one unreadable entry, not an error", () => {
  deepEqual(readSegment("/spool/ready/x.ndjson", failing("EACCES")), {
    events: [],
    damaged: 1,
    unreadable: true,
  });
});

Deno.test("a segment that vanished (another flusher claimed it) reads as empty, not as damage", () => {
  deepEqual(readSegment("/spool/ready/x.ndjson", failing("ENOENT")), {
    events: [],
    damaged: 0,
    unreadable: false,
  });
});

Deno.test("a passing failure (EMFILE) is thrown, never taken for a damaged segment", () => {
  throws(() => readSegment("/spool/ready/x.ndjson", failing("EMFILE")), /EMFILE/);
});

Deno.test("a directory named like a segment reads as unreadable", async () => {
  const { home, remove } = await tempHome();
  const dir = join(home, "1700000000000-1-deadbeef.ndjson");
  mkdirSync(dir);
  writeFileSync(join(dir, "inside"), eventLine() + "\n");
  equal(readSegment(dir).unreadable, true);
  await remove();
});

Deno.test("a FIFO named like a segment reads as unreadable at once, without waiting for a writer", async () => {
  const { home, remove } = await tempHome();
  const fifo = join(home, "1700000000000-1-deadbeef.ndjson");
  makeFifo(fifo);
  equal(readSegment(fifo).unreadable, true);
  await remove();
});

Deno.test("a regular segment reads as its events", async () => {
  const { home, remove } = await tempHome();
  const path = join(home, "1700000000000-1-deadbeef.ndjson");
  const line = eventLine();
  writeFileSync(path, line + "\n");
  const content = readSegment(path);
  deepEqual(content.events.map((e) => e.line), [line]);
  equal(content.unreadable, false);
  await remove();
});
