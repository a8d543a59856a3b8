#!/usr/bin/env bash
# The maintainers' command of the source documents (scripts/dev/view_telemetry.sh in
# JMo Security), kept working: copy this file there.
#
#   view_telemetry.sh            the dashboard
#   view_telemetry.sh --raw      the events as NDJSON
#   view_telemetry.sh --export   the events as CSV (on stdout; add --output FILE for a file)
#
# Any other option goes to `jmo-telemetry view` as it is (--source, --since, --output);
# see `jmo-telemetry view --help`. The binary: $JMO_TELEMETRY_BIN, else this
# repository's dist/jmo-telemetry, else jmo-telemetry on the PATH.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bin="${JMO_TELEMETRY_BIN:-}"
if [ -z "$bin" ]; then
  if [ -x "$here/../dist/jmo-telemetry" ]; then
    bin="$here/../dist/jmo-telemetry"
  elif command -v jmo-telemetry >/dev/null 2>&1; then
    bin="jmo-telemetry"
  else
    echo "view_telemetry.sh: jmo-telemetry not found: install it, or set JMO_TELEMETRY_BIN to its path" >&2
    exit 2
  fi
fi

args=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --export)
      args+=(--export csv)
      if [ "${2:-}" = "csv" ]; then shift; fi
      ;;
    *) args+=("$1") ;;
  esac
  shift
done

exec "$bin" view ${args[@]+"${args[@]}"}
