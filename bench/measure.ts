/**
 * Interleaved timing of commands and the statistics the benchmark prints.
 *
 * @module
 */

/** One command to time. */
export interface Variant {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
}

/**
 * The median of some numbers.
 *
 * @example
 * ```ts
 * import { median } from "./measure.ts";
 * median([3, 1, 2]); // 2
 * ```
 */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeOnce(variant: Variant): Promise<number> {
  const start = performance.now();
  const out = await new Deno.Command(variant.command, {
    args: variant.args,
    env: variant.env,
    clearEnv: true,
    cwd: variant.cwd,
    stdin: "null",
    stdout: "null",
    stderr: "null",
  }).output();
  const elapsed = performance.now() - start;
  if (!out.success) throw new Error(`${variant.name} exited ${out.code}`);
  return elapsed;
}

/**
 * Runs every variant `runs` times, interleaved (one of each per round, in a
 * rotating order), after a few warm-up rounds; returns the wall times in ms.
 *
 * @example
 * ```ts
 * import { timeInterleaved } from "./measure.ts";
 * const times = await timeInterleaved([
 *   { name: "true", command: "true", args: [], env: {} },
 * ], 30);
 * ```
 */
export async function timeInterleaved(
  variants: Variant[],
  runs: number,
  warmup = 3,
): Promise<Map<string, number[]>> {
  const times = new Map(variants.map((v) => [v.name, [] as number[]]));
  for (let round = 0; round < runs + warmup; round++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(round + i) % variants.length];
      const ms = await timeOnce(variant);
      if (round >= warmup) times.get(variant.name)!.push(ms);
    }
  }
  return times;
}

/**
 * The peak resident set size of a command in KiB, as the kernel accounts it
 * for a finished child (measured through Python's `getrusage`).
 *
 * @example
 * ```ts
 * import { peakRssKiB } from "./measure.ts";
 * await peakRssKiB({ name: "true", command: "/bin/true", args: [], env: {} });
 * ```
 */
export async function peakRssKiB(variant: Variant): Promise<number> {
  const script = "import resource,subprocess,sys,json;" +
    "subprocess.run(sys.argv[1:], env=json.loads(sys.stdin.readline()), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL);" +
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)";
  const child = new Deno.Command("python3", {
    args: ["-c", script, variant.command, ...variant.args],
    cwd: variant.cwd,
    stdin: "piped",
    stdout: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(variant.env) + "\n"));
  await writer.close();
  const out = await child.output();
  return Number(new TextDecoder().decode(out.stdout).trim());
}
