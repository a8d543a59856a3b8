/**
 * Consent: the five rules, CI detection, the config file's
 * `telemetry.enabled`, the first-run banner and the consent prompt.
 *
 * The rules are pure (`decideConsent` takes the environment and what the
 * config file says); `config_file.ts` is the only part that touches the disk.
 *
 * @module
 */

export { CI_MARKERS, detectCi } from "./detect_ci.ts";
export { decideConsent, decideFromEnvironment } from "./decide_consent.ts";
export type { ConsentDecision } from "./decide_consent.ts";
export {
  ConfigSyntaxError,
  readTelemetryChoice,
  readTelemetrySetting,
  salvageOptOut,
  setTelemetryChoice,
} from "./config_text.ts";
export type { TelemetrySetting } from "./config_text.ts";
export { configChoiceFromText, loadConfigChoice, saveConfigChoice } from "./config_file.ts";
export type { ConfigChoice } from "./config_file.ts";
export {
  bannerText,
  decideBanner,
  NOTICE_SCANS,
  NOTICE_VERSION,
  noticeAllowsDelivery,
  PRIVACY_URL,
} from "./banner.ts";
export type { BannerDecision, NoticeRecord } from "./banner.ts";
export { answerIsYes, CONSENT_QUESTION, consentNotice } from "./consent_prompt.ts";
