/**
 * A host program that uses the library in a process of its own, driven line
 * by line: `track N` records N `tool.failed` events and prints their ids as
 * one JSON line; `close` closes the client and ends the process. Its clock
 * can run behind, so its spool segments look as old as a long-running
 * host's do to a flusher.
 *
 * @module
 */

import { createClient } from "../../src/mod.ts";

/** A running library host. */
export interface LibraryHost {
  /** The host's process id. */
  pid: number;
  /** Records `count` events in the host; resolves to their ids. */
  track(count: number): Promise<string[]>;
  /** Closes the client and waits for the host to exit. */
  close(): Promise<void>;
}

/**
 * Starts a library host on the install under `homedir`, its clock
 * `behindMs` behind the real one.
 *
 * @example
 * ```ts
 * import { startLibraryHost } from "./library_host.ts";
 * const host = startLibraryHost(box.home, 20 * 60_000);
 * const ids = await host.track(1);
 * await host.close();
 * ```
 */
export function startLibraryHost(homedir: string, behindMs = 0): LibraryHost {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", import.meta.filename!, homedir, String(behindMs)],
    stdin: "piped",
    stdout: "piped",
    stderr: "inherit",
  }).spawn();
  const input = child.stdin.getWriter();
  const output = linesOf(child.stdout);
  const send = (command: string) => input.write(new TextEncoder().encode(command + "\n"));
  return {
    pid: child.pid,
    async track(count) {
      await send(`track ${count}`);
      const { value } = await output.next();
      if (value === undefined) throw new Error("the library host ended before answering");
      return JSON.parse(value);
    },
    async close() {
      await send("close");
      await input.close();
      await output.return(undefined);
      const status = await child.status;
      if (!status.success) throw new Error(`the library host exited ${status.code}`);
    },
  };
}

/** The lines of a byte stream, without their newlines. */
async function* linesOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  let pending = "";
  for await (const text of stream.pipeThrough(new TextDecoderStream())) {
    const parts = (pending + text).split("\n");
    pending = parts.pop()!;
    yield* parts;
  }
}

async function serve(homedir: string, behindMs: number): Promise<void> {
  const realNow = Date.now;
  Date.now = () => realNow() - behindMs;
  const client = createClient({
    env: { DOCKER_CONTAINER: "0" },
    homedir,
    cwd: homedir,
    now: () => new Date(Date.now()),
  });
  for await (const line of linesOf(Deno.stdin.readable)) {
    const [command, count] = line.split(" ");
    if (command === "close") break;
    const ids = Array.from({ length: Number(count) }, () =>
      client.track("tool.failed", {
        tool: "trivy",
        failure_type: "timeout",
        exit_code: null,
        profile: "balanced",
      }).envelope!.event_id);
    console.log(JSON.stringify(ids));
  }
  client.close();
}

if (import.meta.main) await serve(Deno.args[0], Number(Deno.args[1]));
