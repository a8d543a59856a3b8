"""JMo Security's telemetry API, as the platform wheel installs it, against the real binary."""

from __future__ import annotations

import json
import re
import time
import uuid
from pathlib import Path

import pytest

import jmo_telemetry as telemetry
from conftest import delivered

SCAN_STARTED = {
    "mode": "cli",
    "profile": "balanced",
    "tools": ["trivy", "semgrep"],
    "target_types": {"repos": 1, "images": 0, "urls": 0, "iac": 0, "gitlab": 0, "k8s": 0},
}
SCAN_COMPLETED = {
    "mode": "cli",
    "profile": "balanced",
    "duration_bucket": "<5min",
    "tools_succeeded": 2,
    "tools_failed": 0,
    "total_findings_bucket": "0",
}


def test_get_anonymous_id_creates_and_stores_a_uuid4_in_the_state_folder(state: Path) -> None:
    anonymous_id = telemetry.get_anonymous_id()
    assert uuid.UUID(anonymous_id).version == 4
    assert (state / "telemetry-id").read_text().strip() == anonymous_id
    assert telemetry.get_anonymous_id() == anonymous_id


def test_get_anonymous_id_uses_a_patched_telemetry_id_file_making_its_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: Path
) -> None:
    id_file = tmp_path / "nested" / "dir" / "telemetry-id"
    monkeypatch.setattr(telemetry, "TELEMETRY_ID_FILE", id_file)
    anonymous_id = telemetry.get_anonymous_id()
    assert id_file.read_text().strip() == anonymous_id
    assert not (state / "telemetry-id").exists()
    existing = "a7f3c8e2-4b1d-4f9e-8c3a-2d5e7f9b1a3c"
    id_file.write_text(existing)
    assert telemetry.get_anonymous_id() == existing


def test_the_path_constants_name_the_binarys_state_files_and_honour_jmo_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: Path
) -> None:
    assert telemetry.TELEMETRY_ID_FILE == state / "telemetry-id"
    assert telemetry.SCAN_COUNT_FILE == state / "scan-count"
    monkeypatch.setenv("JMO_HOME", str(tmp_path / "elsewhere"))
    assert telemetry.SCAN_COUNT_FILE == tmp_path / "elsewhere" / "scan-count"


@pytest.mark.parametrize(
    ("function", "cases"),
    [
        (
            telemetry.bucket_duration,
            {0: "<5min", 299: "<5min", 300: "5-15min", 899: "5-15min", 900: "15-30min",
             1799: "15-30min", 1800: ">30min", 10000: ">30min", 299.5: "<5min"},
        ),
        (
            telemetry.bucket_findings,
            {0: "0", 1: "1-10", 10: "1-10", 11: "10-100", 100: "10-100", 101: "100-1000",
             1000: "100-1000", 1001: ">1000"},
        ),
        (
            telemetry.bucket_targets,
            {1: "1", 2: "2-5", 5: "2-5", 6: "6-10", 10: "6-10", 11: "11-50", 50: "11-50",
             51: ">50", 1000: ">50"},
        ),
        (
            telemetry.bucket_violations,
            {0: "0", 1: "1-5", 5: "1-5", 6: "5-20", 20: "5-20", 21: "20-100", 100: "20-100",
             101: ">100"},
        ),
        (
            telemetry.bucket_duration_ms,
            {0: "<50ms", 49.9: "<50ms", 50: "50-100ms", 99: "50-100ms", 100: "100-500ms",
             499: "100-500ms", 500: ">500ms"},
        ),
    ],
)
def test_buckets_are_the_binarys_with_jmos_boundaries(function, cases: dict) -> None:  # noqa: ANN001
    for value, bucket in cases.items():
        assert function(value) == bucket, (function.__name__, value)


def test_a_bucket_the_binary_refuses_is_an_empty_answer_not_an_exception() -> None:
    assert telemetry.bucket_findings(-1) == ""
    assert telemetry.bucket_duration(float("nan")) == ""


def test_is_telemetry_enabled_follows_the_hosts_config_after_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert telemetry.is_telemetry_enabled({"telemetry": {"enabled": True}}) is True
    assert telemetry.is_telemetry_enabled({"telemetry": {"enabled": False}}) is False
    assert telemetry.is_telemetry_enabled({}) is True
    for name, value in [("JMO_TELEMETRY_DISABLE", "1"), ("DO_NOT_TRACK", "1"), ("CI", "true")]:
        with monkeypatch.context() as patch:
            patch.setenv(name, value)
            assert telemetry.is_telemetry_enabled({"telemetry": {"enabled": True}}) is False
    monkeypatch.setenv("JMO_TELEMETRY_DISABLE", "0")
    assert telemetry.is_telemetry_enabled({"telemetry": {"enabled": True}}) is True


def test_detect_ci_environment_knows_the_ci_markers(monkeypatch: pytest.MonkeyPatch) -> None:
    assert telemetry.detect_ci_environment() is False
    for name in ["CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "BUILD_ID", "CIRCLECI",
                 "TRAVIS", "TF_BUILD", "BITBUCKET_PIPELINE_UUID"]:
        with monkeypatch.context() as patch:
            patch.setenv(name, "true")
            assert telemetry.detect_ci_environment() is True, name
    monkeypatch.setenv("CI", "false")
    assert telemetry.detect_ci_environment() is False


def test_infer_scan_frequency_advances_a_patched_scan_count_file_and_answers_the_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    count_file = tmp_path / "deep" / "scan-count"
    monkeypatch.setattr(telemetry, "SCAN_COUNT_FILE", count_file)
    hints = [telemetry.infer_scan_frequency() for _ in range(11)]
    assert hints == ["first_time"] + ["weekly"] * 9 + ["daily"]
    assert count_file.read_text().strip() == "11"


def test_infer_scan_frequency_then_scan_started_counts_the_scan_once(state: Path) -> None:
    assert telemetry.infer_scan_frequency() == "first_time"
    telemetry.send_event("scan.started", SCAN_STARTED, {}, "1.0.0")
    assert (state / "scan-count").read_text().strip() == "1"
    telemetry.send_event("scan.started", SCAN_STARTED, {}, "1.0.0")
    assert (state / "scan-count").read_text().strip() == "2"
    assert telemetry.infer_scan_frequency() == "weekly"


def test_infer_scan_frequency_leaves_the_state_folder_alone_when_telemetry_is_off(
    state: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JMO_TELEMETRY_DISABLE", "1")
    assert telemetry.infer_scan_frequency() == "first_time"
    assert not state.exists()


def test_should_show_telemetry_banner_is_due_on_a_fresh_install_unless_shown_or_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert telemetry.should_show_telemetry_banner() is True
    with monkeypatch.context() as patch:
        patch.setenv("JMO_TELEMETRY_SHOWN", "1")
        assert telemetry.should_show_telemetry_banner() is False
    monkeypatch.setenv("DO_NOT_TRACK", "1")
    assert telemetry.should_show_telemetry_banner() is False


def test_the_notice_shows_once_per_scan_and_stops_after_three_scans(
    capfd: pytest.CaptureFixture[str], state: Path
) -> None:
    for scan in range(1, 5):
        due = telemetry.should_show_telemetry_banner()
        if due:
            telemetry.show_telemetry_banner("cli")
        telemetry.send_event("scan.started", SCAN_STARTED, {}, "1.0.0")
        err = capfd.readouterr().err
        assert err.count("JMo Security collects anonymous usage telemetry") == (1 if scan <= 3 else 0)
        assert due is (scan <= 3)
    notice = json.loads((state / "state.json").read_text())["notice"]
    assert notice["shown"] >= 3


def test_in_docker_the_notice_is_due_on_every_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCKER_CONTAINER", "1")
    for _ in range(5):
        assert telemetry.should_show_telemetry_banner() is True
        telemetry.send_event("scan.started", {**SCAN_STARTED, "mode": "docker"}, {}, "1.0.0")


def test_send_event_records_the_envelope_and_delivers_it_to_the_collector() -> None:
    telemetry.send_event("scan.started", SCAN_STARTED, {"telemetry": {"enabled": True}}, "1.0.1")
    telemetry.send_event("scan.completed", SCAN_COMPLETED, {}, "1.0.1")
    # A later run (the notice was shown in an earlier one) delivers.
    telemetry.send_event("scan.started", SCAN_STARTED, {}, "1.0.1")
    anonymous_id = telemetry.get_anonymous_id()
    stored = delivered(anonymous_id, 3)
    assert sorted(e["event"] for e in stored) == ["scan.completed", "scan.started", "scan.started"]
    first = next(e for e in stored if e["event"] == "scan.started")
    assert first["version"] == "1.0.1"
    assert re.fullmatch(r"\d+\.\d+", first["python_version"])
    assert first["metadata"]["tools"] == ["trivy", "semgrep"]


def test_send_event_records_nothing_when_the_hosts_config_opts_out(state: Path) -> None:
    telemetry.send_event("scan.started", SCAN_STARTED, {"telemetry": {"enabled": False}})
    assert not (state / "telemetry-id").exists()
    assert telemetry.status().pending_events == 0


def test_nothing_raises_into_the_host_whatever_it_passes() -> None:
    class Odd:
        passed = "maybe"
        violations = None

    assert telemetry.send_event("scan.started", {"tools": object()}, None, "not a version") is None
    assert telemetry.send_event(None, None, None) is None  # type: ignore[arg-type]
    assert telemetry.send_event("no.such.event", {}, {}) is None
    assert telemetry.is_telemetry_enabled(None) is True  # type: ignore[arg-type]
    assert telemetry.send_policy_evaluation_event(["p"], {"p": Odd()}, -1, {}, "1.0.0") is None
    assert telemetry.send_policy_evaluation_event(None, None, None, None, None) is None  # type: ignore[arg-type]
    assert telemetry.bucket_targets("many") == ""  # type: ignore[arg-type]
    assert telemetry.show_telemetry_banner("no-such-mode") is None


def test_a_missing_or_broken_binary_makes_every_call_a_no_op_that_starts_at_most_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: Path
) -> None:
    import subprocess

    from jmo_telemetry import _binary

    starts: list[object] = []
    real_run = subprocess.run

    def counting_run(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        starts.append(args)
        return real_run(*args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting_run)
    broken = tmp_path / "broken"
    broken.write_bytes(b"\x7fELF not really")
    broken.chmod(0o755)
    for path, processes in [(tmp_path / "missing", 0), (broken, 1)]:
        monkeypatch.setattr(_binary, "BINARY", path)
        monkeypatch.setattr(_binary, "_broken", None)
        starts.clear()
        telemetry.send_event("scan.started", SCAN_STARTED, {})
        assert telemetry.get_anonymous_id() == ""
        assert telemetry.bucket_duration(1) == ""
        assert telemetry.infer_scan_frequency() is None
        assert telemetry.is_telemetry_enabled({}) is False
        assert telemetry.should_show_telemetry_banner() is False
        assert telemetry.detect_ci_environment() is False
        telemetry.show_telemetry_banner()
        status = telemetry.status()
        assert status.available is False and status.enabled is False
        assert (str(path) if processes else "py3-none-any") in status.reason
        assert len(starts) == processes
        assert not state.exists()
