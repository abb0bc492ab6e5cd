#!/usr/bin/env bash
# Stops every Meridian process that scripts/run.sh started. Leaves PostgreSQL running.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/services.sh"
stop_all
