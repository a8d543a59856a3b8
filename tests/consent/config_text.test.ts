import { equal, throws } from "node:assert/strict";
import {
  ConfigSyntaxError,
  readTelemetryChoice,
  setTelemetryChoice,
} from "../../src/consent/mod.ts";

const COMMENTED = `# JMo Security configuration
profile: balanced   # the default profile

# Telemetry (privacy: https://jmotools.com/privacy)
telemetry:
  enabled: true     # set to false to opt out
  # a note kept verbatim
  endpoint_note: "quoted, kept"

tools:
  - trivy   # first
  - semgrep
`;

Deno.test("setTelemetryChoice changes only the value's characters when the key exists", () => {
  const out = setTelemetryChoice(COMMENTED, false);
  equal(out, COMMENTED.replace("enabled: true", "enabled: false"));
  equal(readTelemetryChoice(out), false);
});

Deno.test("setTelemetryChoice adds one line under an existing telemetry block with its indentation", () => {
  const text = "telemetry:\n    # comment\n    other: 1\nx: 2\n";
  equal(
    setTelemetryChoice(text, true),
    "telemetry:\n    enabled: true\n    # comment\n    other: 1\nx: 2\n",
  );
});

Deno.test("setTelemetryChoice appends a telemetry block when there is none, keeping the rest", () => {
  equal(setTelemetryChoice("a: 1  # c", false), "a: 1  # c\ntelemetry:\n  enabled: false\n");
  equal(setTelemetryChoice("", true), "telemetry:\n  enabled: true\n");
});

Deno.test("setTelemetryChoice fills an empty telemetry key and edits flow mappings", () => {
  equal(
    setTelemetryChoice("a: 1\ntelemetry:\nb: 2\n", false),
    "a: 1\ntelemetry:\n  enabled: false\nb: 2\n",
  );
  equal(
    setTelemetryChoice("telemetry: {enabled: true, x: 1}\n", false),
    "telemetry: {enabled: false, x: 1}\n",
  );
});

Deno.test("malformed YAML or a non-mapping top level is a ConfigSyntaxError", () => {
  throws(() => setTelemetryChoice("a: [\n", true), ConfigSyntaxError);
  throws(() => readTelemetryChoice("- a\n- b\n"), ConfigSyntaxError);
});

Deno.test("readTelemetryChoice holds no choice for a missing key or a non-boolean value", () => {
  equal(readTelemetryChoice("profile: fast\n"), undefined);
  equal(readTelemetryChoice("telemetry:\n  enabled: maybe\n"), undefined);
});
