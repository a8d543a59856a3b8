import { deepEqual, equal, match, throws } from "node:assert/strict";
import { buildEvent, EventValidationError, validateEnvelope } from "../../src/events/mod.ts";
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

function refusal(event: string, metadata: unknown): EventValidationError {
  try {
    buildEvent({ event, metadata }, context);
  } catch (error) {
    if (error instanceof EventValidationError) return error;
    throw error;
  }
  throw new Error("the event was accepted");
}

Deno.test("buildEvent accepts each of the five events and writes a complete envelope", () => {
  for (const [event, metadata] of Object.entries(VALID_METADATA)) {
    const envelope = buildEvent({ event, metadata, pythonVersion: "3.11" }, context);
    equal(envelope.event, event);
    equal(envelope.schema, 1);
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

Deno.test("buildEvent refuses an unknown key anywhere and names it", () => {
  equal(
    refusal("tool.failed", { ...VALID_METADATA["tool.failed"], message: "boom" }).field,
    "metadata.message",
  );
  const nested = structuredClone(VALID_METADATA["scan.started"]) as {
    target_types: Record<string, number>;
  };
  nested.target_types.paths = 1;
  equal(refusal("scan.started", nested).field, "metadata.target_types.paths");
});

Deno.test("buildEvent refuses values outside an enumeration and wrong types", () => {
  equal(
    refusal("scan.started", { ...VALID_METADATA["scan.started"], profile: "full" }).field,
    "metadata.profile",
  );
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

Deno.test("buildEvent refuses tool names that could carry a path, URL or message", () => {
  for (const tool of ["/usr/bin/trivy", "https://x.y", "Trivy", "a b", "x".repeat(41), "", "-x"]) {
    equal(
      refusal("tool.failed", { ...VALID_METADATA["tool.failed"], tool }).field,
      "metadata.tool",
      tool,
    );
  }
  const started = { ...VALID_METADATA["scan.started"], tools: ["trivy", "C:\\tools\\zap"] };
  equal(refusal("scan.started", started).field, "metadata.tools.1");
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
