#!/usr/bin/env bash
# Stops every Meridian process that scripts/run.sh started, Keycloak too (scripts/run.sh --keycloak). Leaves
# PostgreSQL running.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/services.sh"
source "$(dirname "$0")/lib/keycloak.sh"
stop_all
stop_keycloak
