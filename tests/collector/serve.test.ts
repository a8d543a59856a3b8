/**
 * `deno task collector`: a real process serving the Worker on 127.0.0.1 with
 * D1 persisted in `--data`, stopped by SIGTERM or Ctrl-C.
 */

import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT } from "../helpers/run_binary.ts";
import { startCollector } from "../../collector/local/mod.ts";
import { envelope } from "./envelopes.ts";

/** A running `deno task collector` and what it printed so far. */
interface ServeProcess {
  child: Deno.ChildProcess;
  /** Resolves with stdout once it matches `pattern`. */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  /** Resolves with the exit status and all of stdout and stderr. */
  finished: Promise<{ status: Deno.CommandStatus; stdout: string; stderr: string }>;
}

function serve(args: string[], env: Record<string, string>, newGroup = false): ServeProcess {
  const task = [Deno.execPath(), "task", "collector", ...args];
  const child = new Deno.Command(newGroup ? "setsid" : task[0], {
    args: newGroup ? task : task.slice(1),
    cwd: ROOT,
    env,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let stdout = "";
  let ended = false;
  let notify = () => {};
  let changed = new Promise<void>((resolve) => notify = resolve);
  const readStdout = (async () => {
    for await (const text of child.stdout.pipeThrough(new TextDecoderStream())) {
      stdout += text;
      notify();
      changed = new Promise<void>((resolve) => notify = resolve);
    }
    ended = true;
    notify();
  })();
  const stderr = new Response(child.stderr).text();
  return {
    child,
    finished: (async () => {
      const status = await child.status;
      await readStdout;
      return { status, stdout, stderr: await stderr };
    })(),
    async waitFor(pattern) {
      while (true) {
        const match = stdout.match(pattern);
        if (match) return match;
        if (ended) throw new Error(`collector ended before printing ${pattern}:\n${stdout}`);
        await changed;
      }
    },
  };
}

async function filesUnder(dir: string): Promise<Uint8Array[]> {
  const contents: Uint8Array[] = [];
  for await (const entry of Deno.readDir(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory) contents.push(...await filesUnder(path));
    else if (entry.isFile) contents.push(await Deno.readFile(path));
  }
  return contents;
}

function containsText(files: Uint8Array[], text: string): boolean {
  const needle = new TextEncoder().encode(text);
  return files.some((bytes) => {
    outer: for (let i = bytes.indexOf(needle[0]); i !== -1; i = bytes.indexOf(needle[0], i + 1)) {
      for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  });
}

async function exportText(url: string, token: string): Promise<string> {
  const response = await fetch(`${url}/v1/export`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200);
  return await response.text();
}

async function refusesConnections(url: string): Promise<boolean> {
  try {
    await (await fetch(`${url}/v1/stats`)).body?.cancel();
    return false;
  } catch {
    return true;
  }
}

const SENTINELS = {
  "User-Agent": "sentinel-agent/7.7.7",
  "CF-Connecting-IP": "198.51.100.77",
  "X-Forwarded-For": "192.0.2.99",
  "X-Sentinel": "sentinel-header-value",
};

Deno.test("deno task collector serves, persists in --data and stops cleanly", async (t) => {
  const dataDir = await Deno.makeTempDir({ prefix: "jmo-collector-serve-" });
  const env = { ...Deno.env.toObject(), ADMIN_TOKEN: "" };
  const sent = envelope("scan.started");
  try {
    await t.step("it prints its URL and a random token, and stops on SIGTERM", async () => {
      const proc = serve(["--port", "0", "--data", dataDir], env);
      const [, url] = await proc.waitFor(/collector listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
      const [, token] = await proc.waitFor(/ADMIN_TOKEN \(random, this run only\): (\S+)\n/);
      const posted = await fetch(`${url}/v1/events`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...SENTINELS },
        body: JSON.stringify({ events: [sent] }),
      });
      assert.deepEqual(await posted.json(), {
        accepted: 1,
        duplicates: 0,
        conflicts: 0,
        schemas: [1, 2],
      });
      assert.match(await exportText(url, token), new RegExp(sent.event_id));
      proc.child.kill("SIGTERM");
      const { status, stdout } = await proc.finished;
      assert.equal(status.code, 0, stdout);
      assert.match(stdout, /collector stopped/);
      assert.ok(await refusesConnections(url));
    });

    await t.step("no address, header or user agent reaches the data on disk", async () => {
      const files = await filesUnder(dataDir);
      assert.ok(containsText(files, sent.event_id), "the event itself is on disk");
      for (const value of Object.values(SENTINELS)) {
        assert.ok(!containsText(files, value), `${value} is not stored`);
      }
    });

    await t.step(
      "restarted on the same data with ADMIN_TOKEN set, it keeps the events and stops on Ctrl-C",
      async () => {
        const proc = serve(["--port", "0", "--data", dataDir], {
          ...env,
          ADMIN_TOKEN: "s3cret-token",
        }, true);
        const [, url] = await proc.waitFor(/collector listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
        assert.match(await exportText(url, "s3cret-token"), new RegExp(sent.event_id));
        // Ctrl-C signals the terminal's whole process group: the task, Deno and workerd.
        Deno.kill(-proc.child.pid, "SIGINT");
        const { status, stdout } = await proc.finished;
        assert.equal(status.code, 0, stdout);
        assert.doesNotMatch(stdout, /random/);
        assert.match(stdout, /collector stopped/);
        assert.ok(await refusesConnections(url));
      },
    );
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("deno task collector refuses a bad --port with exit 2 and its usage", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "collector", "--port", "http"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 2);
  assert.match(new TextDecoder().decode(out.stderr), /--port must be a number[\s\S]*Usage:/);
});

Deno.test("a client that goes away mid-upload is not logged as an internal error", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "jmo-collector-serve-" });
  try {
    const proc = serve(["--port", "0", "--data", dataDir], { ...Deno.env.toObject() });
    const [, url] = await proc.waitFor(/collector listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
    const socket = await Deno.connect({ hostname: "127.0.0.1", port: Number(new URL(url).port) });
    await socket.write(new TextEncoder().encode(
      "POST /v1/events HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\n" +
        'Content-Length: 5000\r\n\r\n{"events":[',
    ));
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.close();
    const posted = await fetch(`${url}/v1/events`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(envelope("scan.started")),
    });
    assert.equal(posted.status, 200, "the collector serves on");
    await posted.body?.cancel();
    proc.child.kill("SIGTERM");
    const { status, stdout, stderr } = await proc.finished;
    assert.equal(status.code, 0, stdout);
    assert.doesNotMatch(stdout + stderr, /internal error/);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

Deno.test("deno task collector --scheduled-now runs retention on the data once and exits", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "jmo-collector-serve-" });
  try {
    const seeded = await startCollector({ port: 0, dataDir });
    try {
      const fresh = envelope("scan.started");
      const old = envelope("scan.started");
      const posted = await fetch(seeded.eventsUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ events: [old, fresh] }),
      });
      assert.equal(posted.status, 200);
      await posted.body?.cancel();
      // As if the first had arrived 401 days ago: its receipt and its day's mark moved back.
      const db = await seeded.database();
      const longAgo = new Date(Date.now() - 401 * 86_400_000).toISOString();
      await db.batch([
        db.prepare("UPDATE events SET received_at = ? WHERE event_id = ?").bind(
          longAgo,
          old.event_id,
        ),
        db.prepare("INSERT INTO ingest_days (day, first_id) SELECT ?, MIN(id) FROM events")
          .bind(longAgo.slice(0, 10)),
        db.prepare("UPDATE ingest_days SET first_id = first_id + 1 WHERE day <> ?")
          .bind(longAgo.slice(0, 10)),
      ]);
    } finally {
      await seeded.stop();
    }
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["task", "collector", "--scheduled-now", "--data", dataDir],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    assert.match(stdout, /1 event\(s\) past retention deleted, 1 kept; public stats released/);
  } finally {
    await Deno.remove(dataDir, { recursive: true });
  }
});

/** A port free on 127.0.0.1 now. */
function freePort(): number {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const { port } = listener.addr as Deno.NetAddr;
  listener.close();
  return port;
}

Deno.test("deno task collector opens its port only once its tables exist: the first request after the port opens is stored", async () => {
  const dataDir = await Deno.makeTempDir({ prefix: "jmo-collector-ready-" });
  const port = freePort();
  const proc = serve(["--port", String(port), "--data", dataDir], Deno.env.toObject());
  // Connect as a script waiting for the port would, and post the moment it opens.
  let posted: Response | undefined;
  while (posted === undefined) {
    try {
      posted = await fetch(`http://127.0.0.1:${port}/v1/events`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ events: [envelope("scan.started")] }),
      });
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  assert.equal(posted.status, 200, await posted.clone().text());
  assert.deepEqual(await posted.json(), {
    accepted: 1,
    duplicates: 0,
    conflicts: 0,
    schemas: [1, 2],
  });
  proc.child.kill("SIGTERM");
  assert.equal((await proc.finished).status.code, 0);
  await Deno.remove(dataDir, { recursive: true });
});
