import { deepEqual, equal } from "node:assert/strict";
import { collectEvents, csvColumns, csvField, eventsToCsv } from "../../src/analytics/mod.ts";
import { datasetLines, installId } from "../fixtures/analytics/dataset.ts";
import { parseCsv } from "./parse_csv.ts";

Deno.test("the CSV has one column per envelope field and per flattened metadata field of both schemas, in definition order", () => {
  deepEqual(csvColumns(), [
    "schema",
    "event_id",
    "event",
    "version",
    "platform",
    "python_version",
    "anonymous_id",
    "timestamp",
    "received_at",
    "metadata.mode",
    "metadata.profile",
    "metadata.tools",
    "metadata.target_types.repos",
    "metadata.target_types.images",
    "metadata.target_types.urls",
    "metadata.target_types.iac",
    "metadata.target_types.gitlab",
    "metadata.target_types.k8s",
    "metadata.ci_detected",
    "metadata.multi_target_scan",
    "metadata.compliance_usage",
    "metadata.total_targets_bucket",
    "metadata.scan_frequency_hint",
    "metadata.duration_bucket",
    "metadata.tools_succeeded",
    "metadata.tools_failed",
    "metadata.total_findings_bucket",
    "metadata.tool",
    "metadata.failure_type",
    "metadata.exit_code",
    "metadata.profile_selected",
    "metadata.execution_mode",
    "metadata.artifact_generated",
    "metadata.output_formats",
    "metadata.findings_bucket",
    "metadata.suppressions_used",
    "metadata.compliance_enabled",
    "metadata.policy_count",
    "metadata.violations_bucket",
    "metadata.evaluation_time_bucket",
    "metadata.policies",
    "metadata.passed_count",
    "metadata.failed_count",
    "metadata.duration_seconds",
  ]);
});

Deno.test("the data set's CSV holds each event once, its values where they belong", () => {
  const { events } = collectEvents([{ origin: "dataset", text: datasetLines().join("\n") }]);
  const [header, ...rows] = parseCsv(eventsToCsv(events));
  equal(rows.length, 38);
  const records = rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
  const s1 = records.find((r) => r.timestamp === "2026-01-01T00:00:00Z")!;
  deepEqual(
    [
      s1.event,
      s1.anonymous_id,
      s1.received_at,
      s1["metadata.tools"],
      s1["metadata.target_types.repos"],
    ],
    ["scan.started", installId("A"), "2026-01-01T00:00:05.000Z", "trivy;semgrep", "2"],
  );
  equal(s1["metadata.tool"], "", "a field of another event is empty");
  const crash = records.find((r) => r["metadata.failure_type"] === "crash")!;
  deepEqual([crash["metadata.tool"], crash["metadata.exit_code"]], ["zap", "139"]);
  const timeouts = records.filter((r) => r["metadata.failure_type"] === "timeout");
  deepEqual(
    timeouts.map((r) => r["metadata.exit_code"]),
    ["", "", ""],
    "null exit codes are empty",
  );
  equal(records.filter((r) => r.python_version === "").length, 2, "H's two events give no Python");
  const report = records.find((r) => r["metadata.output_formats"] === "json;html")!;
  deepEqual([report["metadata.suppressions_used"], report["metadata.compliance_enabled"]], [
    "false",
    "true",
  ]);
  equal(
    records.filter((r) => r.event === "scan.started").reduce(
      (n, r) => n + Number(r["metadata.target_types.repos"]),
      0,
    ),
    13,
  );
});

Deno.test("a field with a comma, a quote or a line break is quoted with its quotes doubled", () => {
  equal(csvField('a,"b"'), '"a,""b"""');
  equal(csvField("two\nlines"), '"two\nlines"');
  equal(csvField("plain"), "plain");
  equal(csvField(null), "");
  equal(csvField(false), "false");
  equal(csvField(["md", "json"]), "md;json");
  deepEqual(parseCsv(`${csvField('a,"b"')},${csvField("two\r\nlines")}\r\n`), [[
    'a,"b"',
    "two\r\nlines",
  ]]);
});
