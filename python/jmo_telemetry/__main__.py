"""``python -m jmo_telemetry ...`` and the ``jmo-telemetry`` command: run the binary."""

from __future__ import annotations

import os
import subprocess
import sys

from . import _binary


def main() -> int:
    """Runs the binary with this process's arguments; its exit code is ours."""
    why = _binary.unavailable()
    if why is not None:
        sys.stderr.write(f"jmo-telemetry: {why}\n")
        return 1
    argv = [str(_binary.BINARY), *sys.argv[1:]]
    if os.name != "nt":
        os.execv(argv[0], argv)
    return subprocess.call(argv)


if __name__ == "__main__":
    sys.exit(main())
