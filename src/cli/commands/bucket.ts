/**
 * `jmo-telemetry bucket KIND VALUE`: the bucket a raw number falls in, so a
 * host never writes the boundaries twice.
 *
 * @module
 */

import {
  durationBucket,
  evaluationTimeBucket,
  findingsBucket,
  scanFrequencyHint,
  targetsBucket,
  violationsBucket,
} from "../../events/buckets.ts";
import type { Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { parseArgs } from "../parse_args.ts";

/** Each kind of number, with the function that buckets it. */
const KINDS: Record<string, (value: number) => string> = {
  duration: durationBucket,
  findings: findingsBucket,
  targets: targetsBucket,
  violations: violationsBucket,
  "duration-ms": evaluationTimeBucket,
  "scan-count": scanFrequencyHint,
};

const HELP = `Usage: jmo-telemetry bucket KIND VALUE [KIND VALUE ...]

Prints the bucket each VALUE falls in, one line each, as events carry it:
  duration     seconds of a scan: <5min, 5-15min, 15-30min, >30min
  findings     a finding count: 0, 1-10, 10-100, 100-1000, >1000
  targets      a target count: 1, 2-5, 6-10, 11-50, >50 (0 goes with 1)
  violations   a policy violation count: 0, 1-5, 5-20, 20-100, >100
  duration-ms  milliseconds of a policy evaluation: <50ms, 50-100ms, 100-500ms, >500ms
  scan-count   a scan count, this scan included: first_time, weekly (2-10), daily (11+)

VALUE is a number of at least 0 (give -- first to pass any value as it is). Works whether telemetry is on or off; reads
and writes nothing.

Options:
  -h, --help  show this help
`;

function bucketOf(kind: string, text: string): string {
  const bucket = Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
  if (bucket === undefined) {
    throw new UsageError(
      `unknown KIND '${kind}': give one of ${Object.keys(KINDS).join(", ")}`,
      HELP,
    );
  }
  const value = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < 0) {
    throw new UsageError(`VALUE must be a number of at least 0, not '${text}'`, HELP);
  }
  return bucket(value);
}

/** The `bucket` command. */
export const bucketCommand: Command = {
  name: "bucket",
  summary: "print the bucket a raw number falls in (duration, findings, targets, ...)",
  help: HELP,
  run(args, context) {
    const { positionals, help } = parseArgs(args, {}, {
      help: HELP,
      maxPositionals: Number.MAX_SAFE_INTEGER,
    });
    if (help) {
      context.stdout(HELP);
      return Promise.resolve(0);
    }
    if (positionals.length === 0 || positionals.length % 2 !== 0) {
      throw new UsageError("give KIND VALUE pairs", HELP);
    }
    const lines: string[] = [];
    for (let i = 0; i < positionals.length; i += 2) {
      lines.push(bucketOf(positionals[i], positionals[i + 1]));
    }
    context.stdout(lines.map((line) => line + "\n").join(""));
    return Promise.resolve(0);
  },
};
