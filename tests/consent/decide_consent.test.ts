import { deepEqual } from "node:assert/strict";
import { decideConsent, decideFromEnvironment } from "../../src/consent/mod.ts";

const noChoice = { path: "/w/jmo.yml", enabled: undefined };

Deno.test("JMO_TELEMETRY_DISABLE wins over everything", () => {
  deepEqual(
    decideConsent({ JMO_TELEMETRY_DISABLE: "yes", DO_NOT_TRACK: "1", CI: "1" }, {
      path: "/w/jmo.yml",
      enabled: true,
    }),
    {
      enabled: false,
      reason: "env:JMO_TELEMETRY_DISABLE",
    },
  );
});

Deno.test("DO_NOT_TRACK comes second and wins over CI and the config", () => {
  deepEqual(
    decideConsent({ DO_NOT_TRACK: "true", CI: "1" }, { path: "/w/jmo.yml", enabled: true }),
    {
      enabled: false,
      reason: "env:DO_NOT_TRACK",
    },
  );
});

Deno.test("a CI environment comes third and names its variable", () => {
  deepEqual(decideConsent({ GITLAB_CI: "true" }, { path: "/w/jmo.yml", enabled: true }), {
    enabled: false,
    reason: "ci:GITLAB_CI",
  });
});

Deno.test("the config file decides fourth, either way", () => {
  deepEqual(decideConsent({}, { path: "/w/jmo.yml", enabled: false }), {
    enabled: false,
    reason: "config:/w/jmo.yml",
  });
  deepEqual(decideConsent({}, { path: "/w/jmo.yml", enabled: true }), {
    enabled: true,
    reason: "config:/w/jmo.yml",
  });
});

Deno.test("with no rule matching, telemetry is on by default (opt-out model)", () => {
  deepEqual(decideConsent({}, noChoice), { enabled: true, reason: "default" });
});

Deno.test("false-looking values of the opt-out variables and of CI do not opt out", () => {
  deepEqual(
    decideConsent({ JMO_TELEMETRY_DISABLE: "0", DO_NOT_TRACK: "false", CI: "false" }, noChoice),
    {
      enabled: true,
      reason: "default",
    },
  );
  deepEqual(decideFromEnvironment({ CI: "0" }), undefined);
});
