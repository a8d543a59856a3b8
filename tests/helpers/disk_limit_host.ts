/**
 * A library host for the disk-limit tests, run as its own process:
 * `torn` appends on a small file system (mounted by the test) until the disk
 * refuses, frees room and appends again; `cap` appends 60,000 events with no
 * flush. It prints, as one JSON line, the ids the library said it recorded,
 * the ids pending in the spool, and the spool's size on disk.
 *
 * @module
 */

import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createClient } from "../../src/mod.ts";
import { pendingEvents, spoolLayout } from "../../src/spool/mod.ts";

/** What a disk-limit host reports. */
export interface DiskLimitReport {
  recorded: string[];
  pending: string[];
  spoolBytes: number;
}

/**
 * Runs the host in a process of its own, with `prefix` (say `unshare -m sh
 * -c ...`) before the Deno command, the state folder at `jmoHome`.
 *
 * @example
 * ```ts
 * import { runDiskLimitHost } from "./disk_limit_host.ts";
 * const report = await runDiskLimitHost("cap", "/tmp/jmo-home");
 * ```
 */
export async function runDiskLimitHost(
  mode: "torn" | "cap",
  jmoHome: string,
  mountOptions?: string,
): Promise<DiskLimitReport> {
  const deno = [Deno.execPath(), "run", "-A", import.meta.filename!, mode, jmoHome];
  const command = mountOptions === undefined ? deno : [
    "unshare",
    "-m",
    "sh",
    "-c",
    `mount -t tmpfs -o ${mountOptions} tmpfs "$0" && exec "$@"`,
    jmoHome,
    ...deno,
  ];
  const out = await new Deno.Command(command[0], {
    args: command.slice(1),
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stdout = new TextDecoder().decode(out.stdout);
  if (!out.success) throw new Error(`host failed: ${new TextDecoder().decode(out.stderr)}`);
  return JSON.parse(stdout);
}

/**
 * The bytes of the sealed and open segments under `home` (0 for folders not made yet).
 *
 * @example
 * ```ts
 * import { spoolBytes } from "./disk_limit_host.ts";
 * spoolBytes("/tmp/jmo-home"); // 0 on a fresh install
 * ```
 */
export function spoolBytes(home: string): number {
  const { ready, open } = spoolLayout(home);
  let total = 0;
  for (const dir of [ready, open]) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) total += statSync(join(dir, name)).size;
  }
  return total;
}

const FAILED = {
  tool: "trivy",
  failure_type: "timeout",
  exit_code: null,
  profile: "balanced",
} as const;

function host(mode: string, jmoHome: string): DiskLimitReport {
  const client = createClient({ env: { DOCKER_CONTAINER: "0", JMO_HOME: jmoHome } });
  const recorded: string[] = [];
  const track = () => {
    const result = client.track("tool.failed", { ...FAILED });
    if (result.recorded) recorded.push(result.envelope!.event_id);
    return result.recorded;
  };
  if (mode === "cap") {
    for (let i = 0; i < 60_000; i++) track();
  } else {
    track();
    // Fill the disk but a few hundred bytes, so that some event is written in part.
    const filler = join(jmoHome, "filler");
    for (let size = 1 << 20; size >= 64; size >>= 1) {
      for (let n = 0;; n++) {
        try {
          writeFileSync(`${filler}-${size}-${n}`, new Uint8Array(size));
        } catch {
          rmSync(`${filler}-${size}-${n}`, { force: true });
          break;
        }
      }
    }
    while (track());
    for (const name of readdirSync(jmoHome)) {
      if (name.startsWith("filler")) rmSync(join(jmoHome, name));
    }
    for (let i = 0; i < 5; i++) track();
  }
  client.close();
  const pending = pendingEvents(jmoHome).map((e) => e.eventId);
  return { recorded, pending, spoolBytes: spoolBytes(jmoHome) };
}

if (import.meta.main) console.log(JSON.stringify(host(Deno.args[0], Deno.args[1])));
