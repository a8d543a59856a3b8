"""Finding and running the jmo-telemetry binary this package carries.

Every call is bounded: a missing binary is noticed without starting a
process, and a binary that cannot start or hangs once is not tried again
in this process, so each later call returns at once.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

BINARY: Path = Path(__file__).resolve().parent / "bin" / (
    "jmo-telemetry.exe" if os.name == "nt" else "jmo-telemetry"
)
"""Where the platform wheels put the binary."""

TIMEOUT_SECONDS = 10.0
"""The longest one call may take before it is given up."""

NO_BINARY = (
    "this installation of jmo_telemetry has no jmo-telemetry binary (the py3-none-any "
    "wheel, for platforms without a build): nothing is recorded or sent; wheels with "
    "the binary exist for Linux x86_64 and aarch64, macOS arm64 and x86_64, and Windows amd64"
)


@dataclass(frozen=True)
class Answer:
    """What one run of the binary gave: its exit code and its output."""

    code: int
    stdout: str
    stderr: str


_broken: str | None = None


def unavailable() -> str | None:
    """Why the binary cannot answer, or None when it can."""
    if _broken is not None:
        return _broken
    if not BINARY.is_file():
        return NO_BINARY
    return None


def run(
    args: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    show_stderr: bool = False,
) -> Answer | None:
    """Runs the binary with ``args``; None when it is missing or cannot run.

    ``show_stderr`` passes its standard error through to the host's (the
    telemetry notice is printed there) instead of capturing it.
    """
    global _broken
    if unavailable() is not None:
        return None
    environment = None if env is None else {**os.environ, **env}
    try:
        done = subprocess.run(
            [str(BINARY), *args],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=None if show_stderr else subprocess.PIPE,
            env=environment,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        _broken = f"the jmo-telemetry binary at {BINARY} did not answer in {TIMEOUT_SECONDS:g} s"
        return None
    except (OSError, ValueError, subprocess.SubprocessError) as error:
        _broken = f"the jmo-telemetry binary at {BINARY} cannot run ({error})"
        return None
    return Answer(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        "" if done.stderr is None else done.stderr.decode("utf-8", "replace"),
    )
