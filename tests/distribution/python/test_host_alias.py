"""The one line JMo Security's scripts/core/telemetry.py becomes, exactly as the package README gives it."""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import jmo_telemetry


def documented_line() -> str:
    """The Python line of the README, read from the installed package's metadata."""
    readme = importlib.metadata.metadata("jmo-telemetry").get_payload()  # type: ignore[attr-defined]
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    lines = [block for block in blocks if "sys.modules[__name__]" in block]
    assert len(lines) == 1 and lines[0].count("\n") == 1, lines
    return lines[0]


@pytest.fixture
def host_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """A host package whose scripts/core/telemetry.py is the documented line, imported."""
    core = tmp_path / "host" / "scripts" / "core"
    core.mkdir(parents=True)
    (tmp_path / "host" / "scripts" / "__init__.py").write_text("")
    (core / "__init__.py").write_text("")
    (core / "telemetry.py").write_text(documented_line())
    monkeypatch.syspath_prepend(str(tmp_path / "host"))
    yield importlib.import_module("scripts.core.telemetry")
    for name in ["scripts", "scripts.core", "scripts.core.telemetry"]:
        sys.modules.pop(name, None)


def test_the_host_module_is_jmo_telemetry_itself(host_module: object) -> None:
    import scripts.core.telemetry as by_import  # type: ignore[import-not-found]
    from scripts.core.telemetry import send_event  # type: ignore[import-not-found]

    assert host_module is jmo_telemetry
    assert by_import is jmo_telemetry
    assert send_event is jmo_telemetry.send_event


def test_a_hosts_monkeypatch_of_the_id_and_count_files_takes_effect(
    host_module: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from scripts.core.telemetry import (  # type: ignore[import-not-found]
        get_anonymous_id,
        infer_scan_frequency,
    )

    id_file = tmp_path / "patched" / "telemetry-id"
    count_file = tmp_path / "patched" / "scan-count"
    monkeypatch.setattr("scripts.core.telemetry.TELEMETRY_ID_FILE", id_file)
    monkeypatch.setattr("scripts.core.telemetry.SCAN_COUNT_FILE", count_file)
    anonymous_id = get_anonymous_id()
    assert id_file.read_text().strip() == anonymous_id
    assert infer_scan_frequency() == "first_time"
    assert infer_scan_frequency() == "weekly"
    assert count_file.read_text().strip() == "2"
