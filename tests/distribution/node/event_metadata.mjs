// Metadata of each of the six events that passes validation: as a host tool
// passes it to `track` (scan.completed and wizard.completed with raw numbers,
// a user-defined policy), and as it is recorded.

/** Valid metadata of each event, by event name. */
export const VALID_METADATA = {
  "scan.started": {
    profile: "deep",
    tools: ["trivy", "semgrep", "gitleaks"],
    target_types: { repos: 1, images: 2, urls: 0, iac: 1, gitlab: 0, k8s: 0 },
  },
  "scan.completed": {
    profile: "deep",
    duration_seconds: 1900,
    tools_succeeded: 2,
    tools_failed: 1,
    total_findings: 7,
  },
  "tool.failed": { tool: "gitleaks", failure_type: "non_zero_exit", exit_code: 3, profile: "deep" },
  "wizard.completed": {
    profile_selected: "slim",
    execution_mode: "docker",
    artifact_generated: "gha",
    duration_seconds: 40,
  },
  "report.generated": {
    output_formats: ["md", "sarif"],
    findings_bucket: "1-10",
    suppressions_used: true,
    compliance_enabled: false,
  },
  "policy.evaluated": {
    policy_count: 2,
    violations_bucket: "5-20",
    evaluation_time_bucket: "50-100ms",
    policies: ["acme-rules", "pci-dss"],
    passed_count: 1,
    failed_count: 1,
  },
};

/** What `VALID_METADATA` becomes in the recorded envelopes: raw numbers bucketed, scan events given the mode `cli`, a user-defined policy recorded as `custom`. */
export const RECORDED_METADATA = {
  "scan.started": { ...VALID_METADATA["scan.started"], mode: "cli" },
  "scan.completed": {
    profile: "deep",
    duration_bucket: ">30min",
    tools_succeeded: 2,
    tools_failed: 1,
    total_findings_bucket: "1-10",
    mode: "cli",
  },
  "tool.failed": VALID_METADATA["tool.failed"],
  "wizard.completed": {
    profile_selected: "slim",
    execution_mode: "docker",
    artifact_generated: "gha",
    duration_bucket: "<1min",
  },
  "report.generated": VALID_METADATA["report.generated"],
  "policy.evaluated": {
    ...VALID_METADATA["policy.evaluated"],
    policies: ["custom", "pci-dss"],
  },
};
