#!/usr/bin/env bash
# Sets up ketennet (scripts/setup.sh) and prints the report: the main job.
#   bash scripts/report.sh --example strafrechtketen [--html report.html]
#   bash scripts/report.sh path/to/network.json
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
if [ $# -eq 0 ]; then set -- --example strafrechtketen; fi
exec "$root/.venv/bin/ketennet" report "$@"
