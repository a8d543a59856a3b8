"""Fixtures for the tests of the installed jmo_telemetry package.

The Deno test that builds and installs the wheels runs these with the
venv's Python, in an environment holding only PATH and the collector it
started (JMO_TEST_COLLECTOR_URL, JMO_TEST_ADMIN_TOKEN): no CI marker and no
opt-out, so telemetry is on unless a test turns it off.
"""

from __future__ import annotations

import json
import os
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import jmo_telemetry
from jmo_telemetry import _binary


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh HOME and working directory, the test collector as endpoint."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))
    monkeypatch.chdir(tmp_path)
    # Outside a container whatever the machine running the tests is (/.dockerenv counts otherwise).
    monkeypatch.setenv("DOCKER_CONTAINER", "0")
    collector = os.environ.get("JMO_TEST_COLLECTOR_URL")
    if collector:
        monkeypatch.setenv("JMO_TELEMETRY_ENDPOINT", f"{collector}/v1/events")
    monkeypatch.setattr(jmo_telemetry._Run, "scan_counted", False)
    monkeypatch.setattr(jmo_telemetry._Run, "notice_shown", False)
    monkeypatch.setattr(_binary, "_broken", None)
    yield folder


@pytest.fixture
def state(home: Path) -> Path:
    """The state folder the binary uses in this test's home."""
    return home / ".jmo-security"


def exported() -> list[dict]:
    """Every event the test collector stored, read from its export."""
    request = urllib.request.Request(
        f"{os.environ['JMO_TEST_COLLECTOR_URL']}/v1/export",
        headers={"Authorization": f"Bearer {os.environ['JMO_TEST_ADMIN_TOKEN']}"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - 127.0.0.1
        text = response.read().decode()
    return [json.loads(line) for line in text.splitlines() if line]


def delivered(anonymous_id: str, count: int) -> list[dict]:
    """The install's events in the collector once ``count`` are there, flushing until they are.

    A background flush started by ``track`` may hold some of them for a
    moment; each round flushes what is left. Gives up after 30 rounds.
    """
    stored: list[dict] = []
    for _ in range(30):
        jmo_telemetry.flush()
        stored = [e for e in exported() if e["anonymous_id"] == anonymous_id]
        if len(stored) >= count:
            break
        time.sleep(0.2)
    return stored
