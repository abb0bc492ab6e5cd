#!/usr/bin/env bash
# Formats every module's Java code the one way the project uses (palantir-java-format through Spotless, imports
# ordered, unused ones removed). With --check it changes nothing and fails on any file that is not formatted (CI).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
select_jdk
cd "$MERIDIAN_ROOT"
if [[ "${1:-}" == "--check" ]]; then
  ./mvnw -B -ntp -q spotless:check
  log "Java formatting: every file as palantir-java-format writes it"
else
  ./mvnw -B -ntp -q spotless:apply
fi
