"""The py3-none-any wheel installed alone: no binary, so every call does nothing and raises nothing."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import jmo_telemetry
from jmo_telemetry import _binary


def test_the_any_wheel_has_no_binary_and_status_says_why() -> None:
    assert not _binary.BINARY.exists()
    status = jmo_telemetry.status()
    assert (status.available, status.enabled) == (False, False)
    assert "py3-none-any" in status.reason and "nothing is recorded or sent" in status.reason


def test_every_call_does_nothing_and_raises_nothing(home: Path, capfd) -> None:  # noqa: ANN001
    metadata = {"profile": "fast", "tools": ["trivy"]}
    assert jmo_telemetry.send_event("scan.started", metadata, {}, "1.0.0") is None
    assert jmo_telemetry.send_policy_evaluation_event(["zero-secrets"], {}, 3.0, {}, "1.0.0") is None
    assert jmo_telemetry.is_telemetry_enabled({"telemetry": {"enabled": True}}) is False
    assert jmo_telemetry.get_anonymous_id() == ""
    assert [
        jmo_telemetry.bucket_duration(1),
        jmo_telemetry.bucket_findings(1),
        jmo_telemetry.bucket_targets(1),
        jmo_telemetry.bucket_violations(1),
        jmo_telemetry.bucket_duration_ms(1),
    ] == [""] * 5
    assert jmo_telemetry.detect_ci_environment() is False
    assert jmo_telemetry.should_show_telemetry_banner() is False
    assert jmo_telemetry.show_telemetry_banner() is None
    assert jmo_telemetry.infer_scan_frequency() is None
    assert jmo_telemetry.track("scan.started", metadata).accepted is False
    assert jmo_telemetry.flush().delivered is False
    assert isinstance(jmo_telemetry.TELEMETRY_ID_FILE, Path)
    assert list(home.iterdir()) == []
    assert capfd.readouterr() == ("", "")


def test_the_command_says_why_it_cannot_run() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jmo_telemetry", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "py3-none-any" in done.stderr


def test_the_module_imports_only_the_standard_library_and_itself() -> None:
    package = Path(jmo_telemetry.__file__).parent
    imported: set[str] = set()
    for source in package.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                imported.add(node.module.split(".")[0])
    assert imported - {"__future__"} <= set(sys.stdlib_module_names), imported
    assert (package / "py.typed").is_file()
