import { deepEqual, equal, match, throws } from "node:assert/strict";
import {
  buildEvent,
  EVENT_NAMES,
  EventValidationError,
  prepareEvent,
  validateEnvelope,
} from "../../src/events/mod.ts";
import { envelopeSchema } from "../../src/schema.ts";
import { VALID_METADATA } from "../helpers/run_binary.ts";

const context = {
  eventId: "0b5f3c1e-8a4f-4d2b-9c3e-1f2a3b4c5d6e",
  anonymousId: "a7f3c8e2-4b1d-4f9e-8c3a-2d5e7f9b1a3c",
  now: new Date("2025-10-19T14:48:00.789Z"),
  platform: "Linux" as const,
  defaultVersion: "9.9.9",
  defaultMode: "cli" as const,
};

function refusal(event: string, metadata: unknown, strict = false): EventValidationError {
  try {
    buildEvent({ event, metadata, strict }, context);
  } catch (error) {
    if (error instanceof EventValidationError) return error;
    throw error;
  }
  throw new Error("the event was accepted");
}

Deno.test("buildEvent accepts each of the six events and writes a complete schema 2 envelope", () => {
  deepEqual(Object.keys(VALID_METADATA).sort(), [...EVENT_NAMES].sort());
  for (const [event, metadata] of Object.entries(VALID_METADATA)) {
    const envelope = buildEvent({ event, metadata, pythonVersion: "3.11" }, context);
    equal(envelope.event, event);
    equal(envelope.schema, 2);
    equal(envelope.timestamp, "2025-10-19T14:48:00Z");
    equal(envelope.version, "9.9.9");
    equal(envelope.python_version, "3.11");
    equal(validateEnvelope(envelope).ok, true);
  }
});

Deno.test("buildEvent buckets raw duration_seconds and total_findings so the raw numbers never appear", () => {
  const envelope = buildEvent({
    event: "scan.completed",
    metadata: VALID_METADATA["scan.completed"],
  }, context);
  deepEqual(envelope.metadata, {
    mode: "cli",
    profile: "balanced",
    duration_bucket: "5-15min",
    tools_succeeded: 2,
    tools_failed: 0,
    total_findings_bucket: "10-100",
  });
  equal(JSON.stringify(envelope).includes("420"), false);
});

Deno.test("buildEvent refuses raw and bucketed duration given together", () => {
  const e = refusal("scan.completed", {
    ...VALID_METADATA["scan.completed"],
    duration_bucket: "<5min",
  });
  equal(e.field, "metadata.duration_seconds");
});

Deno.test("buildEvent refuses a negative or non-numeric raw duration", () => {
  equal(
    refusal("scan.completed", { ...VALID_METADATA["scan.completed"], duration_seconds: -1 }).field,
    "metadata.duration_seconds",
  );
  equal(
    refusal("scan.completed", { ...VALID_METADATA["scan.completed"], total_findings: "12" }).field,
    "metadata.total_findings",
  );
});

Deno.test("buildEvent in strict mode refuses an unknown key anywhere and names it", () => {
  equal(
    refusal("tool.failed", { ...VALID_METADATA["tool.failed"], message: "boom" }, true).field,
    "metadata.message",
  );
  const nested = structuredClone(VALID_METADATA["scan.started"]) as {
    target_types: Record<string, number>;
  };
  nested.target_types.paths = 1;
  equal(refusal("scan.started", nested, true).field, "metadata.target_types.paths");
});

Deno.test("prepareEvent drops an unknown key anywhere, keeps the event and names the key", () => {
  const nested = structuredClone(VALID_METADATA["scan.started"]) as Record<string, unknown> & {
    target_types: Record<string, number>;
  };
  nested.target_types.paths = 1;
  nested.repo = "acme/secret-project";
  const { envelope, changes } = prepareEvent({ event: "scan.started", metadata: nested }, context);
  deepEqual(changes, [
    { field: "metadata.target_types.paths", change: "dropped" },
    { field: "metadata.repo", change: "dropped" },
  ]);
  equal(JSON.stringify(envelope).includes("acme"), false);
  equal(validateEnvelope(envelope).ok, true);
});

Deno.test("prepareEvent records a profile or policy that is not built in as custom, a tool or format outside the schema as other", () => {
  const started = prepareEvent({
    event: "scan.started",
    metadata: {
      ...VALID_METADATA["scan.started"],
      profile: "nightly",
      tools: ["afl++", "A b", "/x"],
    },
  }, context);
  equal((started.envelope.metadata as { profile: string }).profile, "custom");
  deepEqual((started.envelope.metadata as { tools: string[] }).tools, ["afl++", "other"]);
  const policies = prepareEvent({
    event: "policy.evaluated",
    metadata: { ...VALID_METADATA["policy.evaluated"], policies: ["acme", "pci-dss", "team"] },
  }, context);
  deepEqual((policies.envelope.metadata as { policies: string[] }).policies, ["custom", "pci-dss"]);
  deepEqual(policies.changes.map((c) => [c.field, c.to]), [
    ["metadata.policies.0", "custom"],
    ["metadata.policies.2", "custom"],
  ]);
  const report = prepareEvent({
    event: "report.generated",
    metadata: { ...VALID_METADATA["report.generated"], output_formats: ["yaml", "csv", "pdf"] },
  }, context);
  deepEqual((report.envelope.metadata as { output_formats: string[] }).output_formats, [
    "yaml",
    "other",
  ]);
});

Deno.test("buildEvent refuses values outside an enumeration in strict mode, and wrong kinds in both modes", () => {
  equal(
    refusal("scan.started", { ...VALID_METADATA["scan.started"], profile: "full" }, true).field,
    "metadata.profile",
  );
  for (
    const [event, patch, field] of [
      ["scan.started", { profile: 7 }, "metadata.profile"],
      ["scan.completed", { tools_failed: "2" }, "metadata.tools_failed"],
      ["scan.completed", { tools_failed: -1 }, "metadata.tools_failed"],
      ["report.generated", { suppressions_used: [true] }, "metadata.suppressions_used"],
      ["scan.started", { tools: "trivy" }, "metadata.tools"],
      ["policy.evaluated", { policies: [3] }, "metadata.policies.0"],
      ["wizard.completed", { duration_seconds: "2d" }, "metadata.duration_seconds"],
    ] as const
  ) {
    const metadata = { ...VALID_METADATA[event], ...patch };
    equal(refusal(event, metadata).field, field, `${event} ${JSON.stringify(patch)}`);
    equal(refusal(event, metadata, true).field, field, `${event} ${JSON.stringify(patch)}`);
  }
  equal(refusal("scan.started", "profile=fast").field, "metadata");
  equal(
    refusal("tool.failed", { ...VALID_METADATA["tool.failed"], failure_type: "oops" }).field,
    "metadata.failure_type",
  );
  equal(
    refusal("report.generated", { ...VALID_METADATA["report.generated"], suppressions_used: "yes" })
      .field,
    "metadata.suppressions_used",
  );
  equal(
    refusal("tool.failed", { ...VALID_METADATA["tool.failed"], exit_code: 1.5 }).field,
    "metadata.exit_code",
  );
});

Deno.test("a tool name that could carry a path, URL or message is refused in strict mode and recorded as other otherwise", () => {
  for (const tool of ["/usr/bin/trivy", "https://x.y", "Trivy", "a b", "x".repeat(41), "", "-x"]) {
    equal(
      refusal("tool.failed", { ...VALID_METADATA["tool.failed"], tool }, true).field,
      "metadata.tool",
      tool,
    );
    const kept = buildEvent({
      event: "tool.failed",
      metadata: { ...VALID_METADATA["tool.failed"], tool },
    }, context);
    equal((kept.metadata as { tool: string }).tool, "other", tool);
  }
  const started = { ...VALID_METADATA["scan.started"], tools: ["trivy", "C:\\tools\\zap"] };
  equal(refusal("scan.started", started, true).field, "metadata.tools.1");
});

Deno.test("wizard.completed takes an unbounded raw duration and records only its bucket", () => {
  const envelope = buildEvent({
    event: "wizard.completed",
    metadata: { ...VALID_METADATA["wizard.completed"], duration_seconds: 172_800 },
    strict: true,
  }, context);
  deepEqual(envelope.metadata, {
    profile_selected: "fast",
    execution_mode: "native",
    artifact_generated: "makefile",
    duration_bucket: ">1h",
  });
});

Deno.test("buildEvent refuses an unknown event name and non-object metadata", () => {
  equal(refusal("scan.finished", {}).field, "event");
  equal(refusal("scan.started", [1, 2]).field, "metadata");
  match(refusal("scan.started", null).message, /^scan\.started: metadata: /);
});

Deno.test("buildEvent keeps python_version as major.minor and refuses garbage", () => {
  equal(
    buildEvent({
      event: "tool.failed",
      metadata: VALID_METADATA["tool.failed"],
      pythonVersion: "3.12.4",
    }, context).python_version,
    "3.12",
  );
  throws(
    () =>
      buildEvent({
        event: "tool.failed",
        metadata: VALID_METADATA["tool.failed"],
        pythonVersion: "/usr/bin/python",
      }, context),
    EventValidationError,
  );
});

function modeOf(input: Parameters<typeof buildEvent>[0]): unknown {
  return (buildEvent(input, context).metadata as { mode?: string }).mode;
}

Deno.test("buildEvent fills the mode of scan events from the flag, else the metadata, else the default", () => {
  const started = VALID_METADATA["scan.started"];
  equal(modeOf({ event: "scan.started", metadata: started }), "cli");
  equal(modeOf({ event: "scan.started", metadata: { ...started, mode: "wizard" } }), "wizard");
  equal(
    modeOf({ event: "scan.started", metadata: { ...started, mode: "wizard" }, mode: "docker" }),
    "docker",
  );
});

Deno.test("validateEnvelope refuses an envelope with a non-UUID id or a timestamp with milliseconds", () => {
  const good = buildEvent(
    { event: "tool.failed", metadata: VALID_METADATA["tool.failed"] },
    context,
  );
  equal(validateEnvelope({ ...good, anonymous_id: "test-uuid" }).ok, false);
  equal(validateEnvelope({ ...good, timestamp: "2025-10-19T14:48:00.123Z" }).ok, false);
  equal(validateEnvelope({ ...good, extra: 1 }).ok, false);
});

Deno.test("validateEnvelope refuses a timestamp that names no real moment, or one before 2000", () => {
  const good = buildEvent(
    { event: "tool.failed", metadata: VALID_METADATA["tool.failed"] },
    context,
  );
  for (
    const timestamp of ["2025-02-30T00:00:00Z", "2025-13-01T00:00:00Z", "2025-10-19T24:00:00Z"]
  ) {
    equal(validateEnvelope({ ...good, timestamp }).ok, false, timestamp);
    equal(envelopeSchema.safeParse({ ...good, timestamp }).success, false, timestamp);
  }
  equal(validateEnvelope({ ...good, timestamp: "2024-02-29T23:59:59Z" }).ok, true);
});

Deno.test("version takes release versions and refuses host, user or path names", () => {
  const good = buildEvent(
    { event: "tool.failed", metadata: VALID_METADATA["tool.failed"] },
    context,
  );
  for (
    const version of [
      "1.0.1",
      "0.7",
      "10.2.3.4",
      "1.2.0rc1",
      "2.0.0-beta.2",
      "1.0.1.dev3",
      "1.0.1+3f2a9c1",
    ]
  ) {
    equal(validateEnvelope({ ...good, version }).ok, true, version);
  }
  for (
    const version of [
      "alice.corp.example",
      "1.0+alice",
      "1.0.1-alice",
      "v1.0.1",
      "/home/alice",
      "1.0 beta",
    ]
  ) {
    equal(validateEnvelope({ ...good, version }).ok, false, version);
    equal(envelopeSchema.safeParse({ ...good, version }).success, false, version);
  }
});

Deno.test("buildEvent keeps a Python version as major.minor, whatever follows it, and refuses one without", () => {
  const build = (pythonVersion: string) =>
    buildEvent(
      { event: "tool.failed", metadata: VALID_METADATA["tool.failed"], pythonVersion },
      context,
    ).python_version;
  for (
    const [given, kept] of [["3.11.7", "3.11"], ["3.12.0rc1", "3.12"], ["3.14.0a1+", "3.14"], [
      " 3.10.2 ",
      "3.10",
    ], ["3.13", "3.13"]]
  ) {
    equal(build(given), kept, given);
  }
  for (const given of ["three", "3", "v3.12", "3.1234"]) {
    throws(() => build(given), EventValidationError, given);
  }
});
