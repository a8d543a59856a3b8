"""The plain API (track, flush, status) and the binary on the venv's PATH."""

from __future__ import annotations

import importlib.metadata
import os
import stat
import subprocess
import sys
from pathlib import Path

import jmo_telemetry
from conftest import delivered
from jmo_telemetry import _binary

COMPLETED = {
    "profile": "fast",
    "duration_seconds": 42,
    "tools_succeeded": 3,
    "tools_failed": 0,
    "total_findings": 7,
}


def test_the_installed_binary_keeps_its_run_bit() -> None:
    mode = _binary.BINARY.stat().st_mode
    assert mode & stat.S_IXUSR and os.access(_binary.BINARY, os.X_OK)


def test_jmo_telemetry_version_works_from_the_venvs_path_and_through_python_m() -> None:
    version = importlib.metadata.version("jmo-telemetry")
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    on_path = subprocess.run(
        ["jmo-telemetry", "--version"], env=env, capture_output=True, text=True, check=False
    )
    assert (on_path.returncode, on_path.stdout) == (0, f"jmo-telemetry {version}\n")
    as_module = subprocess.run(
        [sys.executable, "-m", "jmo_telemetry", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (as_module.returncode, as_module.stdout) == (0, f"jmo-telemetry {version}\n")


def test_python_m_passes_arguments_and_exit_codes_through() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jmo_telemetry", "bucket", "findings", "11"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "10-100\n")
    refused = subprocess.run(
        [sys.executable, "-m", "jmo_telemetry", "track", "no.such.event"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode == 2


def test_track_returns_a_typed_result_and_prints_nothing(capfd) -> None:  # noqa: ANN001
    result = jmo_telemetry.track("scan.completed", COMPLETED, tool_version="1.0.1")
    assert result == jmo_telemetry.TrackResult(accepted=True, error=None, notice="")
    refused = jmo_telemetry.track("scan.completed", {**COMPLETED, "tools_failed": "none"})
    assert refused.accepted is False and "tools_failed" in (refused.error or "")
    assert capfd.readouterr() == ("", "")


def test_status_reports_consent_id_count_and_pending_events(home: Path) -> None:
    before = jmo_telemetry.status()
    assert (before.available, before.enabled, before.reason) == (True, True, "default")
    assert before.anonymous_id is None and before.pending_events == 0
    jmo_telemetry.track("scan.completed", COMPLETED)
    after = jmo_telemetry.status()
    assert after.pending_events == 1 and after.anonymous_id is not None
    assert after.endpoint == f"{os.environ['JMO_TEST_COLLECTOR_URL']}/v1/events"
    assert after.details["home"] == str(home / ".jmo-security")


def test_flush_delivers_to_the_collector_and_says_so() -> None:
    started = {
        "mode": "cli",
        "profile": "fast",
        "tools": ["trivy"],
        "target_types": {"repos": 1, "images": 0, "urls": 0, "iac": 0, "gitlab": 0, "k8s": 0},
    }
    # The user's first run shows the notice; nothing leaves before the next run's scan.started.
    jmo_telemetry.show_telemetry_banner()
    jmo_telemetry.track("scan.started", started)
    assert jmo_telemetry.flush().delivered is False
    jmo_telemetry.track("scan.started", started)
    jmo_telemetry.track("scan.completed", COMPLETED)
    stored = delivered(jmo_telemetry.status().anonymous_id or "", 3)
    assert len(stored) == 3
    result = jmo_telemetry.flush()
    assert result.delivered is True and result.error is None
    assert jmo_telemetry.status().pending_events == 0
