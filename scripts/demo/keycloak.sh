#!/usr/bin/env bash
# The demo's people and EHR system in Keycloak, for the ids of the last demo load (.run/demo.env); scripts/run.sh
# --keycloak --demo runs it after scripts/demo/load.sh. Safe to repeat: users and the client are updated in place.
#   users (password $MERIDIAN_KEYCLOAK_DEMO_PASSWORD, default meridian-demo-only: demo only)
#     demo-admin         admin
#     demo-clinic-admin  clinic-admin of the demo clinic
#     demo-practitioner  practitioner Mei Lin (practitioner_id PRACTITIONER_1_ID)
#     demo-patient       patient Alice Nguyen (patient_id PATIENT_1_ID, pseudonym_id PATIENT_1_PSEUDONYM_ID)
#     demo-researcher    researcher
#     demo-data-export   researcher with research-export (row-level exports under a data-use agreement)
#   client meridian-ehr-demo: the clinic's EHR, client credentials; its service account is clinic-admin of the clinic.
# The EHR client's id and secret are written to .run/keycloak.env (MERIDIAN_EHR_CLIENT_ID, MERIDIAN_EHR_CLIENT_SECRET).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
run_dir=${MERIDIAN_RUN_DIR:-$root/.run}
[ -f "$run_dir/demo.env" ] || { echo "[keycloak-demo] $run_dir/demo.env is missing: load the demo first" >&2; exit 1; }
set -a
if [ -f "$run_dir/keycloak.env" ]; then
  # shellcheck disable=SC1091
  source "$run_dir/keycloak.env"
fi
# shellcheck disable=SC1091
source "$run_dir/demo.env"
set +a
: "${MERIDIAN_KEYCLOAK_URL:?set MERIDIAN_KEYCLOAK_URL (scripts/run.sh --keycloak writes it to .run/keycloak.env)}"
ehr=$(python3 "$root/scripts/keycloak/oidc.py" demo)
(umask 077
 grep -v '^export MERIDIAN_EHR_CLIENT_' "$run_dir/keycloak.env" >"$run_dir/keycloak.env.new" 2>/dev/null || true
 printf '%s\n' "$ehr" >>"$run_dir/keycloak.env.new")
mv "$run_dir/keycloak.env.new" "$run_dir/keycloak.env"
echo "[keycloak-demo] demo users and EHR client ready; the client's id and secret are in $run_dir/keycloak.env" >&2
