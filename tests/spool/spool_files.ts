/**
 * Temporary homes and event lines for spool tests.
 *
 * @module
 */

/** A temporary state directory, removed by the returned function. */
export async function tempHome(): Promise<{ home: string; remove: () => Promise<void> }> {
  const home = await Deno.makeTempDir({ prefix: "jmo-spool-" });
  return { home, remove: () => Deno.remove(home, { recursive: true }) };
}

/** A spool line with a fresh id and the given time. */
export function eventLine(timestamp = new Date().toISOString().slice(0, 19) + "Z"): string {
  return JSON.stringify({
    schema: 1,
    event_id: crypto.randomUUID(),
    event: "tool.failed",
    timestamp,
  });
}

/** Makes a FIFO at `path`: an entry that blocks whoever opens it to read until a writer comes. */
export function makeFifo(path: string): void {
  const made = new Deno.Command("mkfifo", { args: [path] }).outputSync();
  if (!made.success) throw new Error(`mkfifo ${path} failed`);
}
