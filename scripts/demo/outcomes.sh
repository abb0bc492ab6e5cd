#!/usr/bin/env bash
# Submits a realistic course of questionnaires to outcomes-service for the patients the intake demo created:
# baseline NRS/ODI/PEG, pre- and post-session back-pain NRS for every session, a 4-week follow-up (NRS, ODI, PEG,
# PGIC) showing improvement; then prints each patient's responder status.
#
# Environment (as printed by scripts/demo/intake.sh):
#   BASE_URL                 gateway or outcomes-service URL (default http://localhost:8080)
#   CLINIC_ID                the demo clinic
#   PATIENT_<p>_PSEUDONYM_ID, EPISODE_<p>_ID, SESSION_<p>_<n>_ID     for p = 1, 2, ... and n = 1, 2, ...
#   SESSION_<p>_<n>_STARTED_AT (optional) ISO 8601 start of a session; otherwise sessions are assumed
#                            DEMO_SESSION_SPACING_DAYS (default 7) apart, the last one yesterday at 09:00 UTC
#   AUTH_HEADER              added to every request, e.g. "Authorization: Bearer eyJ..."; when unset, a practitioner
#                            token for CLINIC_ID is minted with $MERIDIAN_TOKEN_COMMAND (default scripts/token.sh;
#                            scripts/keycloak-token.sh takes the same arguments)
# Re-running is safe: every submission carries a deterministic Idempotency-Key, so replays return the first result.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
BASE_URL=${BASE_URL:-http://localhost:8080}
: "${CLINIC_ID:?set CLINIC_ID (from scripts/demo/intake.sh)}"
: "${PATIENT_1_PSEUDONYM_ID:?set PATIENT_1_PSEUDONYM_ID (from scripts/demo/intake.sh)}"
SPACING_DAYS=${DEMO_SESSION_SPACING_DAYS:-7}
if [ -z "${AUTH_HEADER:-}" ]; then
  AUTH_HEADER="Authorization: Bearer $("${MERIDIAN_TOKEN_COMMAND:-$here/../token.sh}" practitioner --clinic "$CLINIC_ID")"
fi

log() { printf '[outcomes-demo] %s\n' "$*" >&2; }

# iso OFFSET_SECONDS_FROM_EPOCH -> ISO 8601 UTC
iso() { python3 -c 'import sys, datetime; print(datetime.datetime.fromtimestamp(int(sys.argv[1]), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))' "$1"; }
epoch() { python3 -c 'import sys, datetime; print(int(datetime.datetime.fromisoformat(sys.argv[1].replace("Z", "+00:00")).timestamp()))' "$1"; }

# submit PATIENT KEY JSON_BODY: POST with an Idempotency-Key; prints "<status> <score> <late>" on success
submit() {
  local patient=$1 key=$2 body=$3 response status
  response=$(curl -sS -X POST "$BASE_URL/api/v1/outcomes/clinics/$CLINIC_ID/patients/$patient/assessments" \
    -H "$AUTH_HEADER" -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
    -d "$body" -w '\n%{http_code}')
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  case "$status" in
    200|201) printf '%s\n' "$response" | python3 -c 'import sys, json; a = json.load(sys.stdin); print(a["instrumentCode"], a["timepoint"], a["score"], "late" if a["late"] else "", a["linkStatus"])' \
               | sed "s/^/  $status /" >&2 ;;
    *) log "submission $key failed with HTTP $status: $response"; return 1 ;;
  esac
}

# body INSTRUMENT TIMEPOINT ANSWERED_AT ANSWERS_JSON [EXTRA_JSON_FIELDS]
body() {
  python3 -c 'import sys, json
b = {"instrumentCode": sys.argv[1], "timepoint": sys.argv[2], "answeredAt": sys.argv[3], "answers": json.loads(sys.argv[4])}
b.update(json.loads(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[5] else {})
print(json.dumps(b))' "$@"
}

odi() { # odi s1 .. s10 ("null" for not applicable)
  printf '{"odi_01_pain_intensity":%s,"odi_02_personal_care":%s,"odi_03_lifting":%s,"odi_04_walking":%s,"odi_05_sitting":%s,"odi_06_standing":%s,"odi_07_sleeping":%s,"odi_08_sex_life":%s,"odi_09_social_life":%s,"odi_10_travelling":%s}' "$@"
}
peg() { printf '{"peg_pain":%s,"peg_enjoyment":%s,"peg_general_activity":%s}' "$@"; }
nrs() { printf '{"back_pain_nrs":%s}' "$1"; }
vas() { printf '{"pain_vas_0_100":%s}' "$1"; }

now=$(date -u +%s)
yesterday_9=$(( (now / 86400 - 1) * 86400 + 9 * 3600 ))

p=1
while :; do
  patient_var="PATIENT_${p}_PSEUDONYM_ID"; episode_var="EPISODE_${p}_ID"
  patient=${!patient_var:-}
  [ -n "$patient" ] || break
  episode=${!episode_var:-}
  sessions=()
  n=1
  while :; do
    session_var="SESSION_${p}_${n}_ID"
    [ -n "${!session_var:-}" ] || break
    sessions+=("${!session_var}")
    n=$((n + 1))
  done
  count=${#sessions[@]}
  log "patient $p ($patient): $count sessions"
  episode_field=""
  [ -n "$episode" ] && episode_field="\"episodeId\":\"$episode\","

  starts=()
  for i in $(seq 1 "$count"); do
    started_var="SESSION_${p}_${i}_STARTED_AT"
    if [ -n "${!started_var:-}" ]; then
      starts+=("$(epoch "${!started_var}")")
    else
      starts+=("$(( yesterday_9 - (count - i) * SPACING_DAYS * 86400 ))")
    fi
  done
  first=${starts[0]:-$yesterday_9}
  # Patients differ a little so that the aggregates are not all the same.
  shift_p=$(( (p - 1) % 3 ))

  baseline_at=$(iso $(( first - 86400 )))
  extra="{${episode_field%,}}"
  submit "$patient" "demo-$patient-baseline-nrs" "$(body NRS_BACK_PAIN BASELINE "$baseline_at" "$(nrs $((7 + shift_p % 2)))" "$extra")"
  submit "$patient" "demo-$patient-baseline-odi" "$(body ODI BASELINE "$baseline_at" "$(odi 3 3 3 2 3 3 2 null 3 3)" "$extra")"
  submit "$patient" "demo-$patient-baseline-peg" "$(body PEG BASELINE "$baseline_at" "$(peg 7 6 7)" "$extra")"
  submit "$patient" "demo-$patient-baseline-vas" "$(body VAS_PAIN BASELINE "$baseline_at" "$(vas $((68 + 5 * shift_p)))" "$extra")"

  for i in $(seq 1 "$count"); do
    start=${starts[$((i - 1))]}
    pre=$(( 7 + shift_p % 2 - (i * 4) / (count > 0 ? count : 1) ))
    [ "$pre" -lt 2 ] && pre=2
    post=$(( pre - 2 ))
    session=${sessions[$((i - 1))]}
    submit "$patient" "demo-$patient-s$i-pre" \
      "$(body NRS_BACK_PAIN PRE_SESSION "$(iso $(( start - 600 )))" "$(nrs "$pre")" "{${episode_field}\"sessionId\":\"$session\"}")"
    post_delay=2700
    [ "$i" -eq 2 ] && post_delay=10800   # one patient answers late after session 2: accepted, flagged late
    submit "$patient" "demo-$patient-s$i-post" \
      "$(body NRS_BACK_PAIN POST_SESSION "$(iso $(( start + post_delay )))" "$(nrs "$post")" "{${episode_field}\"sessionId\":\"$session\"}")"
  done

  follow_up=$(( first + 28 * 86400 + 9 * 3600 ))
  if [ "$follow_up" -lt "$now" ]; then
    at=$(iso "$follow_up")
    extra="{${episode_field}\"followUpWeeks\":4}"
    submit "$patient" "demo-$patient-w4-nrs" "$(body NRS_BACK_PAIN FOLLOW_UP "$at" "$(nrs $((3 + shift_p)))" "$extra")"
    submit "$patient" "demo-$patient-w4-odi" "$(body ODI FOLLOW_UP "$at" "$(odi 2 1 2 1 2 2 1 null 2 1)" "$extra")"
    submit "$patient" "demo-$patient-w4-peg" "$(body PEG FOLLOW_UP "$at" "$(peg 4 3 4)" "$extra")"
    submit "$patient" "demo-$patient-w4-vas" "$(body VAS_PAIN FOLLOW_UP "$at" "$(vas $((35 + 8 * shift_p)))" "$extra")"
    submit "$patient" "demo-$patient-w4-pgic" "$(body PGIC FOLLOW_UP "$at" '{"pgic":2}' "$extra")"
  else
    log "patient $p: the 4-week follow-up is not due yet ($(iso "$follow_up")); skipped"
  fi

  progress_url="$BASE_URL/api/v1/outcomes/clinics/$CLINIC_ID/patients/$patient/progress"
  [ -n "$episode" ] && progress_url="$BASE_URL/api/v1/outcomes/clinics/$CLINIC_ID/patients/$patient/episodes/$episode/progress"
  curl -fsS "$progress_url" -H "$AUTH_HEADER" | python3 -c '
import sys, json
p = json.load(sys.stdin)
for m in p["measures"]:
    c = m.get("change") or {}
    print("  %-14s baseline %-9s latest %-9s improvement %-9s %%improvement %-9s responder %s" % (
        m["instrumentCode"], (m.get("baseline") or {}).get("score"), (m.get("latest") or {}).get("score"),
        c.get("improvement"), c.get("percentImprovement"), m.get("responder")))
print("  within-session NRS changes: %d" % len(p["withinSession"]))' >&2
  echo "OUTCOMES_PATIENT_${p}_ASSESSMENTS=$(( 3 + 2 * count + ($follow_up < now ? 4 : 0) ))"
  p=$((p + 1))
done
[ "$p" -gt 1 ] || { log "no PATIENT_1_PSEUDONYM_ID: nothing to submit"; exit 1; }
log "questionnaires submitted for $((p - 1)) patient(s)"
