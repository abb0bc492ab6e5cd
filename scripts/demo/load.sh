#!/usr/bin/env bash
# Loads the demo data set through the gateway: intake first (clinic, practitioners, patients, episodes, sessions),
# then outcomes (questionnaires), each part a script of its own that reuses the ids printed by the one before; last
# the research cohort (cohort.py: a clinic of its own with 40 patients, so that the research aggregates have something
# to show). The cohort runs after the others rather than beside them: their many small sequential calls would wait
# behind its parallel ones, which costs more in all than it saves.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export BASE_URL=${1:-${BASE_URL:-http://localhost:8080}}
ids_file=$(mktemp)
trap 'rm -f "$ids_file"' EXIT

echo "[meridian] loading demo data through $BASE_URL" >&2
"$here/intake.sh" | tee "$ids_file"
if [ -x "$here/outcomes.sh" ]; then
  set -a; source "$ids_file"; set +a
  "$here/outcomes.sh"
fi
"$here/cohort.py" | tee -a "$ids_file"
ids_out="${MERIDIAN_RUN_DIR:-$(cd "$here/../.." && pwd)/.run}/demo.env"
mkdir -p "$(dirname "$ids_out")"
sed 's/^/export /' "$ids_file" >"$ids_out"
echo "[meridian] demo data loaded; its ids are in $ids_out (source it: . $ids_out)" >&2
