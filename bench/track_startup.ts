/**
 * Items 1 and 2: what `track` costs its host next to a bare hello-world
 * compiled by the same Bun with the same flags.
 *
 * @module
 */

import { join } from "node:path";
import { compile } from "../scripts/compile.ts";
import { median, peakRssKiB, timeInterleaved, type Variant } from "./measure.ts";
import type { ResultRow } from "./result_row.ts";

const ROOT = join(import.meta.dirname ?? ".", "..");
/** JMo's own repository's jmo.yml: 211 lines holding `telemetry: enabled: true`. */
const HOST_JMO_YML = join(ROOT, "tests", "fixtures", "jmo.yml");
const BINARY = join(ROOT, "dist", "jmo-telemetry");
const NO_BYTECODE = join(ROOT, "dist", "bench-jmo-telemetry-no-bytecode");
const COMPLETED = JSON.stringify({
  profile: "balanced",
  duration_seconds: 420,
  tools_succeeded: 8,
  tools_failed: 0,
  total_findings: 12,
});
const STARTED = JSON.stringify({
  profile: "balanced",
  tools: ["trivy"],
  target_types: { repos: 1, images: 0, urls: 0, iac: 0, gitlab: 0, k8s: 0 },
});

/** Compiles the hello-world baseline into dist/bench-hello. */
export async function buildHello(): Promise<string> {
  const source = join(ROOT, "dist", "bench-hello.ts");
  await Deno.writeTextFile(source, 'console.log("hello");\n');
  compile("dist/bench-hello.ts", "dist/bench-hello");
  return join(ROOT, "dist", "bench-hello");
}

/**
 * Times `track scan.completed` (on, collector unreachable; also from a build
 * without bytecode, to show what bytecode saves) and `track` with
 * `JMO_TELEMETRY_DISABLE=1` against the hello-world, interleaved.
 */
export async function benchTrackStartup(runs: number): Promise<ResultRow[]> {
  const hello = await buildHello();
  compile("src/cli/bin.ts", "dist/bench-jmo-telemetry-no-bytecode", undefined, false);
  const home = await Deno.makeTempDir({ prefix: "jmo-bench-" });
  const offHome = await Deno.makeTempDir({ prefix: "jmo-bench-off-" });
  // A host scanning from its own repository: its jmo.yml in the working directory.
  const repository = await Deno.makeTempDir({ prefix: "jmo-bench-repository-" });
  await Deno.copyFile(HOST_JMO_YML, join(repository, "jmo.yml"));
  const env = {
    PATH: Deno.env.get("PATH") ?? "/usr/bin",
    HOME: home,
    DOCKER_CONTAINER: "0",
    JMO_TELEMETRY_ENDPOINT: "http://127.0.0.1:9/v1/events",
  };
  await new Deno.Command(BINARY, {
    args: ["track", "scan.started", "--meta", STARTED],
    env,
    clearEnv: true,
    cwd: home,
    stderr: "null",
  }).output();
  const variants: Variant[] = [
    { name: "hello", command: hello, args: [], env, cwd: home },
    {
      name: "on",
      command: BINARY,
      args: ["track", "scan.completed", "--meta", COMPLETED],
      env,
      cwd: home,
    },
    {
      name: "on, jmo.yml",
      command: BINARY,
      args: ["track", "scan.completed", "--meta", COMPLETED],
      env,
      cwd: repository,
    },
    {
      name: "on, no bytecode",
      command: NO_BYTECODE,
      args: ["track", "scan.completed", "--meta", COMPLETED],
      env,
      cwd: home,
    },
    {
      name: "off",
      command: BINARY,
      args: ["track", "scan.completed", "--meta", COMPLETED],
      // An opted-out install: its own home, where nothing was ever spooled.
      env: { ...env, HOME: offHome, JMO_TELEMETRY_DISABLE: "1" },
      cwd: offHome,
    },
  ];
  const times = await timeInterleaved(variants, runs);
  const base = median(times.get("hello")!);
  const on = median(times.get("on")!);
  const off = median(times.get("off")!);
  const plain = median(times.get("on, no bytecode")!);
  const withConfig = median(times.get("on, jmo.yml")!);
  const rssOn = await peakRssKiB(variants[1]);
  const rssHello = await peakRssKiB(variants[0]);
  await Deno.remove(home, { recursive: true });
  await Deno.remove(offHome, { recursive: true });
  await Deno.remove(repository, { recursive: true });
  return [
    {
      item: "1. track scan.completed, on, collector unreachable / hello-world",
      figure: `${(on / base).toFixed(2)}x`,
      detail: `${on.toFixed(1)} ms vs ${base.toFixed(1)} ms; peak RSS ${
        (rssOn / 1024).toFixed(1)
      } MiB vs ${(rssHello / 1024).toFixed(1)} MiB`,
      target: "<= 2.5x",
      holds: on / base <= 2.5,
    },
    {
      item: "1. the same, from a directory holding JMo's 211-line jmo.yml / hello-world",
      figure: `${(withConfig / base).toFixed(2)}x`,
      detail: `${withConfig.toFixed(1)} ms vs ${base.toFixed(1)} ms (telemetry.enabled: true)`,
      target: "<= 2.5x",
      holds: withConfig / base <= 2.5,
    },
    {
      item: "1. the same track built without --bytecode / hello-world",
      figure: `${(plain / base).toFixed(2)}x`,
      detail: `${plain.toFixed(1)} ms vs ${base.toFixed(1)} ms: bytecode saves ${
        (plain - on).toFixed(1)
      } ms a run`,
      target: "reported",
      holds: true,
    },
    {
      item: "2. track with JMO_TELEMETRY_DISABLE=1 / hello-world",
      figure: `${(off / base).toFixed(2)}x`,
      detail: `${off.toFixed(1)} ms vs ${base.toFixed(1)} ms`,
      target: "<= 1.3x",
      holds: off / base <= 1.3,
    },
  ];
}
