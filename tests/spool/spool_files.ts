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

/** A valid `tool.failed` spool line with a fresh id and the given time. */
export function eventLine(timestamp = new Date().toISOString().slice(0, 19) + "Z"): string {
  return JSON.stringify({
    schema: 1,
    event_id: crypto.randomUUID(),
    event: "tool.failed",
    version: "1.0.1",
    platform: "Linux",
    anonymous_id: "5f2b8199-dc14-4ebc-9ae9-35f9086a441c",
    timestamp,
    metadata: { tool: "trivy", failure_type: "timeout", exit_code: null, profile: "balanced" },
  });
}

/** Makes a FIFO at `path`: an entry that blocks whoever opens it to read until a writer comes. */
export function makeFifo(path: string): void {
  const made = new Deno.Command("mkfifo", { args: [path] }).outputSync();
  if (!made.success) throw new Error(`mkfifo ${path} failed`);
}
