import { deepEqual, equal } from "node:assert/strict";
import {
  bannerText,
  decideBanner,
  NOTICE_VERSION,
  noticeAllowsDelivery,
  PRIVACY_URL,
} from "../../src/consent/mod.ts";

Deno.test("the banner shows on the first three scans of an install, then stops", () => {
  let seen = undefined;
  const shown: boolean[] = [];
  for (let scan = 0; scan < 5; scan++) {
    const d = decideBanner(seen, { docker: false });
    shown.push(d.show);
    seen = d.record;
  }
  deepEqual(shown, [true, true, true, false, false]);
});

Deno.test("only the first showing on an install holds delivery back", () => {
  const first = decideBanner(undefined, { docker: false });
  equal(first.firstShowing, true);
  equal(decideBanner(first.record, { docker: false }).firstShowing, false);
});

Deno.test("in Docker the banner shows on every run", () => {
  equal(decideBanner({ version: 1, shown: 4 }, { docker: true }).show, true);
});

Deno.test("a new notice version shows the banner again for three scans", () => {
  const d = decideBanner({ version: 1, shown: 4 }, { docker: false, version: 2 });
  equal(d.show, true);
  equal(d.firstShowing, true);
  deepEqual(d.record, { version: 2, shown: 1 });
});

Deno.test("delivery waits until the current notice was shown in an earlier run", () => {
  equal(noticeAllowsDelivery(undefined), false);
  equal(noticeAllowsDelivery({ version: NOTICE_VERSION, shown: 1 }), true);
  equal(noticeAllowsDelivery({ version: NOTICE_VERSION - 1, shown: 2 }), false);
});

Deno.test("only the banner's first showing promises that nothing is sent before the next run", () => {
  equal(bannerText(true).includes("Nothing is sent before your next run."), true);
  equal(bannerText(false).includes("Nothing is sent"), false);
});

Deno.test("the banner says what is collected, what never is, how to opt out and where the policy is", () => {
  const text = bannerText(false);
  for (
    const needle of [
      "Collected",
      "Never collected",
      "JMO_TELEMETRY_DISABLE=1",
      "jmo-telemetry disable",
      "telemetry.enabled: false",
      PRIVACY_URL,
    ]
  ) {
    equal(text.includes(needle), true, needle);
  }
});

Deno.test("the binary's first showing holds delivery until the next scan.started releases it", () => {
  const first = decideBanner(undefined, { docker: false, hold: true });
  deepEqual(first.record, { version: NOTICE_VERSION, shown: 1, held: true });
  equal(noticeAllowsDelivery(first.record), false);
  const next = decideBanner(first.record, { docker: false, hold: true });
  deepEqual(next.record, { version: NOTICE_VERSION, shown: 2 });
  equal(noticeAllowsDelivery(next.record), true);
});
