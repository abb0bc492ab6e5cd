#!/usr/bin/env bash
# Mints a demo access token for the local stack (scripts/run.sh), signed with the local key in .run/keys.
#   scripts/token.sh ROLE[,ROLE...] [--clinic UUID] [--practitioner UUID] [--patient UUID] [--pseudonym UUID]
#                    [--sub NAME] [--ttl SECONDS] [--scope "SCOPES"] [--launch-patient UUID]
#   scripts/token.sh --service [--ttl SECONDS]
# ROLE: patient | practitioner | clinic-admin | researcher | research-export | admin; --practitioner links the sign-in to that
# practitioner record (claim practitioner_id), which red-flag acknowledgements and a practitioner's own records need.
# --scope sets the SMART scopes (claim scope; FHIR needs them, docs/security.md); the default is what Meridian's own
# clients get: "openid patient/*.cruds" for a patient alone, "openid user/*.cruds" otherwise. --launch-patient names
# the patient in launch context (claim patient, intake's Patient id) for patient/ scopes held by staff.
# Example: TOKEN=$(scripts/token.sh practitioner --clinic "$CLINIC_ID" --practitioner "$PRACTITIONER_1_ID")
#          curl -H "Authorization: Bearer $TOKEN" http://localhost:8080/api/v1/intake/clinics/$CLINIC_ID
# --service: outcomes-service's token for intake's /internal feed, with the claims Keycloak gives its client
# meridian-outcomes (aud meridian-intake, groups [event-feed-reader], 5 min unless --ttl); the public API refuses it.
#          curl -H "Authorization: Bearer $(scripts/token.sh --service)" http://localhost:8081/internal/v1/intake/events
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/keys.sh"

roles=${1:-}
[ -n "$roles" ] || { sed -n '2,15p' "$0" >&2; exit 2; }
if [ "$roles" = --service ]; then
  shift
  ttl=300
  while [ $# -gt 0 ]; do
    case "$1" in
      --ttl) ttl=$2; shift 2 ;;
      *) die "unknown option $1 (--service takes only --ttl)" ;;
    esac
  done
  ensure_dev_keys
  now=$(date +%s)
  client=meridian-outcomes
  mint_token "{\"iss\":\"$MERIDIAN_JWT_ISSUER\",\"aud\":\"${MERIDIAN_INTAKE_AUDIENCE:-meridian-intake}\",\"sub\":\"service-account-$client\",\"azp\":\"$client\",\"client_id\":\"$client\",\"typ\":\"Bearer\",\"iat\":$now,\"exp\":$((now + ttl)),\"jti\":\"$(openssl rand -hex 12)\",\"groups\":[\"event-feed-reader\"]}"
  exit 0
fi
IFS=, read -r -a role_list <<<"$roles"
for role in "${role_list[@]}"; do
  case "$role" in
    patient|practitioner|clinic-admin|researcher|research-export|admin) ;;
    *) sed -n '2,15p' "$0" >&2; exit 2 ;;
  esac
done
shift
clinic="" practitioner="" patient="" pseudonym="" sub="demo-${role_list[0]}" ttl=3600 scope="" launch_patient=""
while [ $# -gt 0 ]; do
  case "$1" in
    --clinic) clinic=$2; shift 2 ;;
    --practitioner) practitioner=$2; shift 2 ;;
    --patient) patient=$2; shift 2 ;;
    --pseudonym) pseudonym=$2; shift 2 ;;
    --sub) sub=$2; shift 2 ;;
    --ttl) ttl=$2; shift 2 ;;
    --scope) scope=$2; shift 2 ;;
    --launch-patient) launch_patient=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
ensure_dev_keys
now=$(date +%s)
claims="{\"iss\":\"$MERIDIAN_JWT_ISSUER\",\"aud\":\"$MERIDIAN_JWT_AUDIENCE\",\"sub\":\"$sub\",\"upn\":\"$sub\""
claims+=",\"azp\":\"meridian-cli\",\"iat\":$now,\"exp\":$((now + ttl)),\"jti\":\"$(openssl rand -hex 12)\""
groups=$(printf '"%s",' "${role_list[@]}")
claims+=",\"groups\":[${groups%,}]"
[ -n "$clinic" ] && claims+=",\"clinic_id\":\"$clinic\""
[ -n "$practitioner" ] && claims+=",\"practitioner_id\":\"$practitioner\""
[ -n "$patient" ] && claims+=",\"patient_id\":\"$patient\""
[ -n "$pseudonym" ] && claims+=",\"pseudonym_id\":\"$pseudonym\""
[ -n "$launch_patient" ] && claims+=",\"patient\":\"$launch_patient\""
if [ -z "$scope" ]; then
  if [ "$roles" = patient ]; then scope="openid patient/*.cruds"; else scope="openid user/*.cruds"; fi
fi
claims+=",\"scope\":\"$scope\""
claims+="}"
mint_token "$claims"
