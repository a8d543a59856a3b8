import { deepEqual, equal, throws } from "node:assert/strict";
import {
  ConfigSyntaxError,
  readTelemetryChoice,
  readTelemetrySetting,
  salvageOptOut,
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

Deno.test("readTelemetryChoice holds no choice for a missing key, an empty value or null", () => {
  equal(readTelemetryChoice("profile: fast\n"), undefined);
  equal(readTelemetryChoice("telemetry:\n  enabled:\n"), undefined);
  equal(readTelemetryChoice("telemetry:\n  enabled: ~\n"), undefined);
});

Deno.test("readTelemetrySetting reads YAML 1.1's yes, no, on and off as the host's Python loader does", () => {
  for (const word of ["no", "No", "NO", "off", "Off", "OFF", "false"]) {
    deepEqual(readTelemetrySetting(`telemetry:\n  enabled: ${word}\n`), { enabled: false }, word);
  }
  for (const word of ["yes", "Yes", "on", "ON", "true"]) {
    deepEqual(readTelemetrySetting(`telemetry:\n  enabled: ${word}\n`), { enabled: true }, word);
  }
});

Deno.test("readTelemetrySetting reads any other value at telemetry.enabled as false, and says what was written", () => {
  for (const written of ["maybe", "0", "1", '"false"', '"yes"', "[true]", "{on: 1}"]) {
    deepEqual(
      readTelemetrySetting(`telemetry:\n  enabled: ${written}  # mine\n`),
      { enabled: false, unrecognized: written },
      written,
    );
  }
});

Deno.test("salvageOptOut keeps an opt-out that a broken file still holds, and never finds an opt-in", () => {
  equal(salvageOptOut("telemetry:\n  enabled: false\nscan:\n  targets: [unclosed\n"), true);
  equal(salvageOptOut("telemetry:\n  enabled: false\n  enabled: false\n"), true);
  equal(salvageOptOut("scan: [\ntelemetry:\n  enabled: off\n"), true);
  equal(salvageOptOut("telemetry:\n  enabled: true\nscan: [unclosed\n"), false);
  equal(salvageOptOut("- a list\n- not a map\n"), false);
});

const SPLICED_EDITS: [string, string, boolean, string][] = [
  [
    "writes the value after a space when `enabled:` is empty",
    "telemetry:\n  enabled:\nx: 1\n",
    false,
    "telemetry:\n  enabled: false\nx: 1\n",
  ],
  ["replaces `enabled: ~`", "telemetry:\n  enabled: ~\n", false, "telemetry:\n  enabled: false\n"],
  [
    "replaces `enabled: null`",
    "telemetry:\n  enabled: null\n",
    true,
    "telemetry:\n  enabled: true\n",
  ],
  [
    "fills an empty `enabled:` that is followed by a comment, keeping the comment",
    "telemetry:\n  enabled:   # opt in or out\n",
    false,
    "telemetry:\n  enabled: false   # opt in or out\n",
  ],
  [
    "replaces a tagged value with its tag",
    "telemetry:\n  enabled: !!bool true # on\n",
    false,
    "telemetry:\n  enabled: false # on\n",
  ],
  [
    "adds the block inside the document when the file ends with the `...` marker",
    "---\nx: 1\n...\n# after the end\n",
    false,
    "---\nx: 1\ntelemetry:\n  enabled: false\n...\n# after the end\n",
  ],
  [
    "adds the block after a lone `---` start marker",
    "--- # jmo\n",
    true,
    "--- # jmo\ntelemetry:\n  enabled: true\n",
  ],
  [
    "adds the block to a document of comments only",
    "# nothing yet\n",
    false,
    "# nothing yet\ntelemetry:\n  enabled: false\n",
  ],
  [
    "inserts `enabled` inside the braces of a flow map, keeping the rest of the file",
    "y: [1,2]   # keep this\ntelemetry: { x: 1 }  # flow\n",
    false,
    "y: [1,2]   # keep this\ntelemetry: { x: 1, enabled: false }  # flow\n",
  ],
  [
    "fills an empty flow map",
    "telemetry: {}\n",
    false,
    "telemetry: {enabled: false}\n",
  ],
  [
    "gives a valueless `{enabled}` its value",
    "telemetry: {enabled}\n",
    true,
    "telemetry: {enabled: true}\n",
  ],
  [
    "adds telemetry inside a top-level flow map",
    "{a: 1}\n",
    false,
    "{a: 1, telemetry: {enabled: false}}\n",
  ],
  [
    "replaces a scalar telemetry value with a map, keeping its comment",
    "telemetry: off   # was off\nx: 1\n",
    false,
    "telemetry: {enabled: false}   # was off\nx: 1\n",
  ],
  [
    "replaces a block scalar telemetry value with a map, keeping the next key",
    "telemetry: |\n  text\nx: 1\n",
    true,
    "telemetry: {enabled: true}\nx: 1\n",
  ],
  [
    "inserts a line under telemetry with CRLF in a CRLF file",
    "# c\r\ntelemetry:\r\n  x: 1\r\n",
    false,
    "# c\r\ntelemetry:\r\n  enabled: false\r\n  x: 1\r\n",
  ],
  [
    "appends the block with CRLF in a CRLF file",
    "a: 1\r\n",
    true,
    "a: 1\r\ntelemetry:\r\n  enabled: true\r\n",
  ],
  [
    "fills an empty `enabled:` in a CRLF file",
    "telemetry:\r\n  enabled:\r\n",
    false,
    "telemetry:\r\n  enabled: false\r\n",
  ],
  [
    "keeps comments after values, spacing and flow sequences as written",
    "y: [1,2]   # keep this\ntelemetry:\n  enabled: true    # on\n  z: {a:  1}\n",
    false,
    "y: [1,2]   # keep this\ntelemetry:\n  enabled: false    # on\n  z: {a:  1}\n",
  ],
  [
    "indents the new line like its 4-space siblings",
    "tools:\n    - trivy\ntelemetry:\n    # note\n    other: 1\n",
    true,
    "tools:\n    - trivy\ntelemetry:\n    enabled: true\n    # note\n    other: 1\n",
  ],
  [
    "appends the block at the indentation of an indented top level",
    "  a: 1\n",
    false,
    "  a: 1\n  telemetry:\n    enabled: false\n",
  ],
  [
    "ends the last line of a file without a trailing newline before adding lines",
    "a: 1  # c",
    false,
    "a: 1  # c\ntelemetry:\n  enabled: false\n",
  ],
  [
    "inserts under telemetry in a file without a trailing newline",
    "telemetry:\n  x: 1",
    false,
    "telemetry:\n  enabled: false\n  x: 1",
  ],
  [
    "changes only the value in a file without a trailing newline",
    "telemetry:\n  enabled: true",
    false,
    "telemetry:\n  enabled: false",
  ],
];

for (const [behaviour, before, enabled, after] of SPLICED_EDITS) {
  Deno.test(`setTelemetryChoice ${behaviour}`, () => {
    equal(setTelemetryChoice(before, enabled), after);
    equal(readTelemetryChoice(after), enabled);
  });
}

Deno.test("setTelemetryChoice throws rather than return a text where another value changed", () => {
  throws(
    () => setTelemetryChoice("telemetry:\n  enabled: &on true\nother: *on\n", false),
    /telemetry\.enabled cannot be set here without changing other content/,
  );
});
