"""JMo Security's telemetry API, answered by the jmo-telemetry binary.

Every function here asks the ``jmo-telemetry`` binary that this package
carries: consent, the anonymous id, the scan count, the notice, the
buckets and the validation of events are decided there and nowhere else.
Nothing here ever raises into the host, and when the binary is missing
(the ``py3-none-any`` wheel) or cannot run, every call returns at once
having done nothing; ``status()`` says why.

JMo Security replaces its ``scripts/core/telemetry.py`` with this one line,
under which its tests' ``monkeypatch.setattr`` of the module's attributes
(``TELEMETRY_ID_FILE``, ``SCAN_COUNT_FILE``) takes effect::

    import sys, jmo_telemetry; sys.modules[__name__] = jmo_telemetry  # noqa: E401, E702
"""

from __future__ import annotations

import functools
import json
import os
import platform
import sys
import types
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from . import _binary

__all__ = [
    "SCAN_COUNT_FILE",
    "TELEMETRY_ID_FILE",
    "FlushResult",
    "Status",
    "TrackResult",
    "bucket_duration",
    "bucket_duration_ms",
    "bucket_findings",
    "bucket_targets",
    "bucket_violations",
    "detect_ci_environment",
    "flush",
    "get_anonymous_id",
    "infer_scan_frequency",
    "is_telemetry_enabled",
    "send_event",
    "send_policy_evaluation_event",
    "should_show_telemetry_banner",
    "show_telemetry_banner",
    "status",
    "track",
]

_P = ParamSpec("_P")
_R = TypeVar("_R")

_FILE_NAMES = {"TELEMETRY_ID_FILE": "telemetry-id", "SCAN_COUNT_FILE": "scan-count"}
_host_files: dict[str, Path] = {}

TELEMETRY_ID_FILE: Path
"""The anonymous id's file: the binary's own unless the host sets a path of its own."""
SCAN_COUNT_FILE: Path
"""The scan count's file: the binary's own unless the host sets a path of its own."""


class _Run:
    """What this process told the binary it already did for the coming scan."""

    scan_counted = False
    notice_shown = False


class _BinaryPath(type(Path())):  # type: ignore[misc]
    """A path the binary named, not the host: setting it back restores the binary's choice."""


def _default_file(name: str) -> Path:
    """The state file the binary itself uses (``JMO_HOME`` honoured), asked each time."""
    answer = _binary.run(["status", "--json"])
    try:
        home = Path(json.loads(answer.stdout)["home"]) if answer else None
    except (ValueError, KeyError, TypeError):
        home = None
    return _BinaryPath((home or Path.home() / ".jmo-security") / _FILE_NAMES[name])


def _state_file_property(name: str) -> property:
    """A module attribute read at call time: the host's path when it set one, else the binary's."""

    def read(_module: types.ModuleType) -> Path:
        return _host_files.get(name) or _default_file(name)

    def write(_module: types.ModuleType, value: os.PathLike[str] | str) -> None:
        if isinstance(value, _BinaryPath):
            _host_files.pop(name, None)
        else:
            _host_files[name] = Path(value)

    def forget(_module: types.ModuleType) -> None:
        _host_files.pop(name, None)

    return property(read, write, forget)


class _Module(types.ModuleType):
    """This module, with ``TELEMETRY_ID_FILE`` and ``SCAN_COUNT_FILE`` read when used.

    A host's ``monkeypatch.setattr`` of either sets a path of its own, passed
    to the binary; the undo hands back the binary's path, which clears it.
    """

    TELEMETRY_ID_FILE = _state_file_property("TELEMETRY_ID_FILE")
    SCAN_COUNT_FILE = _state_file_property("SCAN_COUNT_FILE")


sys.modules[__name__].__class__ = _Module


def _file_args(name: str) -> list[str]:
    """``--file PATH`` when the host set the constant to a path of its own."""
    path = _host_files.get(name)
    return [] if path is None else ["--file", str(path)]


def _config_args(config: object) -> list[str]:
    """The host's parsed configuration, for the binary to read its ``telemetry.enabled``."""
    if not isinstance(config, Mapping):
        return []
    return ["--config-json", json.dumps({"telemetry": config.get("telemetry")}, default=str)]


def _stdout(args: Sequence[str]) -> str | None:
    """The binary's first line of output when it answered with exit 0."""
    answer = _binary.run(args)
    if answer is None or answer.code != 0:
        return None
    return answer.stdout.strip()


def _guard(default: _R) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """Makes a function return ``default`` instead of raising into the host."""

    def wrap(function: Callable[_P, _R]) -> Callable[_P, _R]:
        @functools.wraps(function)
        def guarded(*args: _P.args, **kwargs: _P.kwargs) -> _R:
            try:
                return function(*args, **kwargs)
            except Exception:  # noqa: BLE001 - telemetry never breaks the host
                return default

        return guarded

    return wrap


# ---- JMo Security's API ---------------------------------------------------------------


def send_event(
    event_type: str,
    metadata: dict[str, Any],
    config: dict[str, Any],
    version: str = "1.0.0",
) -> None:
    """Records an event with ``jmo-telemetry track``; returns at once, never raises.

    ``config`` is the host's parsed configuration: its ``telemetry.enabled``
    decides after the environment's opt-outs. Delivery happens later in a
    detached process; the notice, when due, is printed on stderr.
    """
    try:
        args = [
            "track",
            str(event_type),
            "--meta",
            json.dumps(metadata, default=str),
            "--tool-version",
            str(version),
            "--python-version",
            platform.python_version(),
            *_config_args(config),
        ]
        if event_type == "scan.started" and _Run.scan_counted:
            args.append("--scan-counted")
            _Run.scan_counted = False
        env = None
        if event_type == "scan.started" and _Run.notice_shown:
            env = {"JMO_TELEMETRY_SHOWN": "1"}
            _Run.notice_shown = False
        _binary.run(args, env=env, show_stderr=True)
    except Exception:  # noqa: BLE001 - telemetry never breaks the host
        return


@_guard(False)
def is_telemetry_enabled(config: dict[str, Any]) -> bool:
    """Whether telemetry is on, by the binary's rules, given the host's parsed configuration."""
    answer = _stdout(["status", "--json", *_config_args(config)])
    return answer is not None and json.loads(answer)["enabled"] is True


@_guard("")
def get_anonymous_id() -> str:
    """The anonymous id in ``TELEMETRY_ID_FILE``, made first when there is none.

    An empty string when the binary cannot answer.
    """
    return _stdout(["id", "--create", *_file_args("TELEMETRY_ID_FILE")]) or ""


def _bucket(kind: str, value: float) -> str:
    return _stdout(["bucket", "--", kind, str(value)]) or ""


@_guard("")
def bucket_duration(seconds: float) -> str:
    """The duration bucket of a scan's seconds (empty when the binary cannot answer)."""
    return _bucket("duration", seconds)


@_guard("")
def bucket_findings(count: int) -> str:
    """The bucket of a finding count (empty when the binary cannot answer)."""
    return _bucket("findings", count)


@_guard("")
def bucket_targets(count: int) -> str:
    """The bucket of a target count (empty when the binary cannot answer)."""
    return _bucket("targets", count)


@_guard("")
def bucket_violations(count: int) -> str:
    """The bucket of a policy violation count (empty when the binary cannot answer)."""
    return _bucket("violations", count)


@_guard("")
def bucket_duration_ms(ms: float) -> str:
    """The bucket of a policy evaluation's milliseconds (empty when the binary cannot answer)."""
    return _bucket("duration-ms", ms)


def send_policy_evaluation_event(
    policy_names: list[str],
    results: dict[str, Any],
    duration_ms: float,
    config: dict[str, Any],
    version: str,
) -> None:
    """Sends ``policy.evaluated`` for a policy evaluation; never raises.

    ``results`` maps each policy name to an object with ``.passed`` and
    ``.violations``; only counts and buckets leave the host.
    """
    try:
        outcomes = list(results.values())
        violations = sum(len(getattr(r, "violations", None) or ()) for r in outcomes)
        passed = sum(1 for r in outcomes if getattr(r, "passed", False))
        buckets = _stdout(
            ["bucket", "--", "violations", str(violations), "duration-ms", str(duration_ms)]
        )
        if buckets is None:
            return
        violations_bucket, time_bucket = buckets.splitlines()
        metadata = {
            "policy_count": len(policy_names),
            "violations_bucket": violations_bucket,
            "evaluation_time_bucket": time_bucket,
            "policies": sorted(policy_names),
            "passed_count": passed,
            "failed_count": len(outcomes) - passed,
        }
        send_event("policy.evaluated", metadata, config, version)
    except Exception:  # noqa: BLE001 - telemetry never breaks the host
        return


@_guard(False)
def detect_ci_environment() -> bool:
    """Whether this run is in a CI environment, by the binary's list of CI markers."""
    answer = _stdout(["status", "--json"])
    return answer is not None and json.loads(answer)["ci"] is not None


@_guard(False)
def should_show_telemetry_banner() -> bool:
    """Whether the notice is due now (never when ``JMO_TELEMETRY_SHOWN=1``)."""
    return _stdout(["banner", "--due"]) == "yes"


def show_telemetry_banner(mode: str = "cli") -> None:
    """Prints the notice on stderr when it is due; the next ``scan.started`` records it."""
    try:
        answer = _binary.run(["banner", "--mode", str(mode)], show_stderr=True)
        if answer is not None and answer.code == 0:
            _Run.notice_shown = True
    except Exception:  # noqa: BLE001 - telemetry never breaks the host
        return


def infer_scan_frequency() -> str | None:
    """Advances the stored scan count and returns its hint: first_time, weekly or daily.

    None when the count cannot be had.
    """
    try:
        file_args = _file_args("SCAN_COUNT_FILE")
        answer = _stdout(["scan-count", "--increment", *file_args])
        if answer is None:
            return None
        if not file_args:
            _Run.scan_counted = True
        return answer.split()[1]
    except Exception:  # noqa: BLE001 - telemetry never breaks the host
        return None


# ---- the plain API ----------------------------------------------------------------------


@dataclass(frozen=True)
class TrackResult:
    """What ``track`` did."""

    accepted: bool
    """The event was recorded, or telemetry is off (nothing to do)."""
    error: str | None = None
    """Why the event was refused or could not be handed over, when so."""
    notice: str = ""
    """What the binary printed for the user (the telemetry notice when due)."""


@dataclass(frozen=True)
class FlushResult:
    """What ``flush`` did."""

    delivered: bool
    """Nothing remains pending."""
    report: str = ""
    """The binary's account: what was sent, kept and dropped."""
    error: str | None = None
    """Why nothing could be tried, when so."""


@dataclass(frozen=True)
class Status:
    """The install's telemetry state, as ``jmo-telemetry status --json`` tells it."""

    available: bool
    """A binary answered."""
    enabled: bool
    """Telemetry is on."""
    reason: str
    """The rule that decided, or why nothing can be decided."""
    anonymous_id: str | None = None
    scan_count: int = 0
    pending_events: int = 0
    endpoint: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    """Everything ``status --json`` reported."""


def track(
    event: str,
    metadata: Mapping[str, Any] | None = None,
    *,
    tool_version: str | None = None,
) -> TrackResult:
    """Records an event and says what happened, instead of printing."""
    try:
        args = ["track", str(event), "--meta", json.dumps(dict(metadata or {}), default=str)]
        if tool_version is not None:
            args += ["--tool-version", str(tool_version)]
        args += ["--python-version", platform.python_version()]
        answer = _binary.run(args)
        if answer is None:
            return TrackResult(False, _binary.unavailable())
        if answer.code == 0:
            return TrackResult(True, None, answer.stderr)
        return TrackResult(False, answer.stderr.strip() or f"exit {answer.code}")
    except Exception as error:  # noqa: BLE001 - telemetry never breaks the host
        return TrackResult(False, str(error))


def flush(timeout: float | None = None) -> FlushResult:
    """Delivers every pending event now and says what happened."""
    try:
        args = ["flush"] + ([] if timeout is None else ["--timeout", str(timeout)])
        answer = _binary.run(args)
        if answer is None:
            return FlushResult(False, "", _binary.unavailable())
        error = None if answer.code in (0, 3) else answer.stderr.strip() or f"exit {answer.code}"
        return FlushResult(answer.code == 0, answer.stdout, error)
    except Exception as error:  # noqa: BLE001 - telemetry never breaks the host
        return FlushResult(False, "", str(error))


def status() -> Status:
    """The install's telemetry state; when there is no usable binary, why."""
    try:
        answer = _binary.run(["status", "--json"])
        if answer is None or answer.code != 0:
            why = _binary.unavailable() or (answer.stderr.strip() if answer else "no answer")
            return Status(False, False, why)
        report = json.loads(answer.stdout)
        return Status(
            available=True,
            enabled=report["enabled"] is True,
            reason=str(report["reason"]),
            anonymous_id=report.get("anonymous_id"),
            scan_count=int(report.get("scan_count", 0)),
            pending_events=int(report.get("pending", {}).get("events", 0)),
            endpoint=report.get("transport", {}).get("endpoint"),
            details=report,
        )
    except Exception as error:  # noqa: BLE001 - telemetry never breaks the host
        return Status(False, False, f"status could not be read ({error})")
