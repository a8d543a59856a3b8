"""Each Python function runs the binary commands the repository README's table names for it.

The Deno test passes the README's path as JMO_TEST_REPO_README.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import jmo_telemetry as telemetry
from jmo_telemetry import _binary

SCAN = {"mode": "cli", "profile": "fast", "tools": ["trivy"],
        "target_types": {"repos": 1, "images": 0, "urls": 0, "iac": 0, "gitlab": 0, "k8s": 0}}


class Passed:
    passed = True
    violations: list[object] = []


CALLS: dict[str, Callable[[], Any]] = {
    "send_event": lambda: telemetry.send_event("scan.started", SCAN, {}, "1.0.1"),
    "is_telemetry_enabled": lambda: telemetry.is_telemetry_enabled({}),
    "get_anonymous_id": telemetry.get_anonymous_id,
    "bucket_duration": lambda: telemetry.bucket_duration(1),
    "send_policy_evaluation_event": lambda: telemetry.send_policy_evaluation_event(
        ["zero-secrets"], {"zero-secrets": Passed()}, 3.0, {}, "1.0.1"
    ),
    "detect_ci_environment": telemetry.detect_ci_environment,
    "should_show_telemetry_banner": telemetry.should_show_telemetry_banner,
    "show_telemetry_banner": telemetry.show_telemetry_banner,
    "infer_scan_frequency": telemetry.infer_scan_frequency,
    "TELEMETRY_ID_FILE": lambda: telemetry.TELEMETRY_ID_FILE,
    "track": lambda: (telemetry.track("scan.started", SCAN), telemetry.flush(), telemetry.status()),
}


def readme_table() -> dict[str, list[str]]:
    """The table under the Python/binary header: each row's first Python name, and the first
    word of each command in its binary column (not the field names in parentheses)."""
    lines = Path(os.environ["JMO_TEST_REPO_README"]).read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"\| Python +\| binary", line))
    rows: dict[str, list[str]] = {}
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        python, binary = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        first = re.match(r"`(\w+)", python)
        assert first, line
        rows[first.group(1)] = re.findall(r"(?<!\()`([a-z-]+)", binary)
    return rows


def test_the_readme_table_covers_every_function_this_test_calls() -> None:
    assert set(readme_table()) == set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_each_function_runs_the_commands_its_readme_row_names(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands: list[str] = []
    real_run = _binary.run

    def recording_run(args: list[str], **kwargs: Any) -> Any:
        commands.append(args[0])
        return real_run(args, **kwargs)

    monkeypatch.setattr(_binary, "run", recording_run)
    CALLS[name]()
    assert commands == readme_table()[name]
