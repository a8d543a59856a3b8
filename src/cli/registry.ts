/**
 * The command table: names, one-line summaries and lazy loaders, so that a
 * command pays only for the modules it uses.
 *
 * @module
 */

import type { Command } from "./command.ts";

/** A command's name, summary and loader. */
export interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: Record<string, CommandEntry> = {
  track: {
    summary: "validate an event and record it in the spool",
    load: async () => (await import("./commands/track.ts")).trackCommand,
  },
  check: {
    summary: "validate and normalise an event as track would, without recording it",
    load: async () => (await import("./commands/check.ts")).checkCommand,
  },
  flush: {
    summary: "deliver every pending event now, ignoring the backoff",
    load: async () => (await import("./commands/flush.ts")).flushCommand,
  },
  status: {
    summary: "show consent, id, scan count, spool and delivery state",
    load: async () => (await import("./commands/status.ts")).statusCommand,
  },
  enable: {
    summary: "write telemetry.enabled: true into the config file",
    load: async () => (await import("./commands/enable.ts")).enableCommand,
  },
  disable: {
    summary: "write telemetry.enabled: false into the config file",
    load: async () => (await import("./commands/disable.ts")).disableCommand,
  },
  consent: {
    summary: "ask for consent on a terminal when the config holds no choice",
    load: async () => (await import("./commands/consent.ts")).consentCommand,
  },
  id: {
    summary: "print, create, rotate or delete the anonymous id",
    load: async () => (await import("./commands/id.ts")).idCommand,
  },
  "scan-count": {
    summary: "print the scan count and frequency hint; --increment adds a scan",
    load: async () => (await import("./commands/scan_count.ts")).scanCountCommand,
  },
  banner: {
    summary: "print the telemetry notice when due; --due answers whether it is",
    load: async () => (await import("./commands/banner.ts")).bannerCommand,
  },
  bucket: {
    summary: "print the bucket a raw number falls in (duration, findings, targets, ...)",
    load: async () => (await import("./commands/bucket.ts")).bucketCommand,
  },
  show: {
    summary: "print every pending event as it would be sent (NDJSON)",
    load: async () => (await import("./commands/show.ts")).showCommand,
  },
  purge: {
    summary: "delete every pending event unsent",
    load: async () => (await import("./commands/purge.ts")).purgeCommand,
  },
  view: {
    summary: "the maintainers' dashboard over collected events (--raw, --export csv)",
    load: async () => (await import("./commands/view.ts")).viewCommand,
  },
  report: {
    summary: "write the quarterly transparency report (Markdown or HTML)",
    load: async () => (await import("./commands/report.ts")).reportCommand,
  },
};
