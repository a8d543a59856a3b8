/**
 * The first-run notice: its wording, its version, and when it is due.
 *
 * @module
 */

/**
 * Goes up whenever the wording of what is collected changes; the banner then shows again.
 *
 * @example
 * ```ts
 * import { NOTICE_VERSION } from "@jmo/telemetry";
 * NOTICE_VERSION; // 2
 * ```
 */
export const NOTICE_VERSION = 2;
/** How many scans show each version of the notice (outside Docker). */
export const NOTICE_SCANS = 3;
/**
 * Where the privacy policy lives.
 *
 * @example
 * ```ts
 * import { PRIVACY_URL } from "@jmo/telemetry";
 * PRIVACY_URL; // "https://jmotools.com/privacy"
 * ```
 */
export const PRIVACY_URL = "https://jmotools.com/privacy";

/** What was collected and what never is: shared by the banner and the consent prompt. */
export const COLLECTION_SUMMARY: string = [
  "  Collected (anonymous): which scanners ran, scan profile and mode, kinds and",
  "  bucketed number of targets, whether the scan runs in CI, how often you scan,",
  "  which built-in policies ran and their bucketed results, report formats,",
  "  bucketed durations and finding counts, tool failure types, platform, Python",
  "  and tool versions, and a random install id. Your own profile and policy",
  '  names are recorded only as "custom".',
  "  Never collected: repository names, paths or URLs, findings or secrets, file",
  "  names, user or host names, IP addresses, environment variables, error messages.",
].join("\n");

/**
 * The banner printed on stderr when the notice is due. Only its first
 * showing on an install promises that nothing is sent before the next run
 * (for the binary, the host's next scan: its next `scan.started`; for the
 * library, the next process): that run's events are held; later showings
 * (the next two scans, every run in a container) send as usual.
 *
 * @example
 * ```ts
 * import { bannerText } from "@jmo/telemetry";
 * bannerText(true).includes("Nothing is sent before your next run."); // true
 * bannerText(false).includes("Nothing is sent before your next run."); // false
 * ```
 */
export function bannerText(firstShowing: boolean): string {
  return [
    "",
    `JMo Security collects anonymous usage telemetry (notice v${NOTICE_VERSION}).`,
    COLLECTION_SUMMARY,
    "  Opt out: export JMO_TELEMETRY_DISABLE=1, or run `jmo-telemetry disable`,",
    firstShowing
      ? "  or set `telemetry.enabled: false` in jmo.yml. Nothing is sent before your next run."
      : "  or set `telemetry.enabled: false` in jmo.yml.",
    `  Privacy policy: ${PRIVACY_URL}`,
    "",
    "",
  ].join("\n");
}

/** What `state.json` remembers of the notice. */
export interface NoticeRecord {
  version: number;
  shown: number;
  /**
   * The notice was first shown by the host's current run (a `scan.started`
   * through the binary): nothing is sent until the next `scan.started`.
   */
  held?: boolean;
}

/** Whether to show the banner now, and what to remember afterwards. */
export interface BannerDecision {
  show: boolean;
  /** This run shows a notice version for the first time: hold delivery until a later run. */
  firstShowing: boolean;
  record: NoticeRecord;
}

/**
 * Decides the banner for one `scan.started`: each notice version shows on
 * the first three scans; in Docker it shows on every run. With `hold` (the
 * binary, where a run is the host's scan), a first showing is remembered as
 * `held`, and the next `scan.started` releases it.
 *
 * @example
 * ```ts
 * import { decideBanner } from "./banner.ts";
 * decideBanner(undefined, { docker: false }).firstShowing; // true
 * decideBanner(undefined, { docker: false, hold: true }).record; // { version: 2, shown: 1, held: true }
 * decideBanner({ version: 2, shown: 1, held: true }, { docker: false }).record; // { version: 2, shown: 2 }
 * decideBanner({ version: 2, shown: 3 }, { docker: false }).show; // false
 * decideBanner({ version: 2, shown: 3 }, { docker: true }).show; // true
 * ```
 */
export function decideBanner(
  seen: NoticeRecord | undefined,
  options: { docker: boolean; version?: number; hold?: boolean },
): BannerDecision {
  const version = options.version ?? NOTICE_VERSION;
  const current = seen !== undefined && seen.version === version ? seen.shown : 0;
  const due = current < NOTICE_SCANS;
  const shown = Math.min(current + 1, NOTICE_SCANS + 1);
  return {
    show: due || options.docker,
    firstShowing: current === 0,
    record: current === 0 && options.hold ? { version, shown, held: true } : { version, shown },
  };
}

/**
 * Whether delivery may start: only once this install has been shown the
 * current notice in an earlier run, and no longer held for the next scan.
 *
 * @example
 * ```ts
 * import { noticeAllowsDelivery } from "./banner.ts";
 * noticeAllowsDelivery(undefined); // false
 * noticeAllowsDelivery({ version: 2, shown: 1 }); // true
 * noticeAllowsDelivery({ version: 2, shown: 1, held: true }); // false
 * ```
 */
export function noticeAllowsDelivery(
  seen: NoticeRecord | undefined,
  version = NOTICE_VERSION,
): boolean {
  return seen !== undefined && seen.version === version && seen.shown > 0 && seen.held !== true;
}
