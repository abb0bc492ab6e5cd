#!/usr/bin/env bash
# Loads the demo data set through the gateway: intake first (clinic, practitioners, patients, episodes, sessions),
# then outcomes (questionnaires), each part a script of its own that reuses the ids printed by the one before.
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
ids_out="${MERIDIAN_RUN_DIR:-$(cd "$here/../.." && pwd)/.run}/demo.env"
mkdir -p "$(dirname "$ids_out")"
sed 's/^/export /' "$ids_file" >"$ids_out"
echo "[meridian] demo data loaded; its ids are in $ids_out (source it: . $ids_out)" >&2
