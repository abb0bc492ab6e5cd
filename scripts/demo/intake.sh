#!/usr/bin/env bash
# Creates a realistic intake data set through the API: a clinic, 2 practitioners, 4 patients with treatment and
# research consent and an intake assessment (patient 2 has a red flag, acknowledged by a practitioner), one episode
# each and 3-6 STRICTA-documented sessions a week apart, the last one yesterday at 09:00 UTC.
#
# Prints the created ids as KEY=value lines on stdout (everything else goes to stderr), for scripts/demo/outcomes.sh:
#   CLINIC_ID, PRACTITIONER_<n>_ID, PATIENT_<p>_ID, PATIENT_<p>_PSEUDONYM_ID, EPISODE_<p>_ID,
#   SESSION_<p>_<n>_ID, SESSION_<p>_<n>_STARTED_AT
#
# Environment:
#   BASE_URL     gateway or intake-service URL (default http://localhost:8080)
#   AUTH_HEADER  added to every request when set, e.g. "Authorization: Bearer eyJ..."; when unset, tokens are
#                minted with scripts/token.sh (local stack): an admin's to create the clinic, then its staff's (a
#                clinic admin entering the records of both practitioners), and Mei's own for the red-flag
#                acknowledgement. With AUTH_HEADER, the red-flag acknowledgement records that token's practitioner.
#   MERIDIAN_TOKEN_COMMAND  what mints those tokens: scripts/token.sh (default) or anything taking its arguments, such
#                as scripts/keycloak-token.sh (scripts/run.sh --keycloak: Keycloak issues them)
#   DEMO_SESSION_SPACING_DAYS  days between sessions (default 7, as outcomes.sh assumes)
# Each run creates a new clinic, so it can be repeated.
set -euo pipefail
BASE_URL=${BASE_URL:-http://localhost:8080}
API="$BASE_URL/api/v1/intake"
SPACING_DAYS=${DEMO_SESSION_SPACING_DAYS:-7}

log() { printf '[intake-demo] %s\n' "$*" >&2; }
emit() { printf '%s=%s\n' "$1" "$2"; }

here=$(cd "$(dirname "$0")" && pwd)
curl_auth=()
if [ -n "${AUTH_HEADER:-}" ]; then
  curl_auth=(-H "$AUTH_HEADER")
else
  curl_auth=(-H "Authorization: Bearer $("${MERIDIAN_TOKEN_COMMAND:-$here/../token.sh}" admin --sub demo-admin)")
fi

# post PATH JSON -> prints the response body; fails loudly on anything but 2xx
post() {
  local path=$1 body=$2 response status
  response=$(curl -sS -X POST "$API$path" "${curl_auth[@]}" -H 'Content-Type: application/json' -d "$body" \
    -w '\n%{http_code}')
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  case "$status" in
    2??) printf '%s' "$response" ;;
    *) log "POST $path failed with HTTP $status: $response"; return 1 ;;
  esac
}

# field NAME: reads a top-level string field from the JSON on stdin
field() { python3 -c 'import sys, json; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

# iso_at DAYS_AGO -> ISO 8601 UTC timestamp of 09:00 that many days ago; date_at DAYS_AGO -> YYYY-MM-DD
iso_at() { python3 -c 'import sys, datetime
d = datetime.datetime.now(datetime.timezone.utc).replace(hour=9, minute=0, second=0, microsecond=0)
print((d - datetime.timedelta(days=int(sys.argv[1]))).strftime("%Y-%m-%dT%H:%M:%SZ"))' "$1"; }
date_at() { python3 -c 'import sys, datetime
print((datetime.datetime.now(datetime.timezone.utc).date() - datetime.timedelta(days=int(sys.argv[1]))).isoformat())' "$1"; }

log "creating the demo clinic through $API"
clinic=$(post /clinics '{"name": "Harbour Acupuncture Clinic", "registrationNumber": "CL-2024-0193",
  "contactEmail": "front-desk@harbour-acupuncture.example", "contactPhone": "+44 20 7946 0958",
  "timeZone": "Europe/London"}' | field id)
emit CLINIC_ID "$clinic"
clinic_path="/clinics/$clinic"
if [ -z "${AUTH_HEADER:-}" ]; then
  curl_auth=(-H "Authorization: Bearer $("${MERIDIAN_TOKEN_COMMAND:-$here/../token.sh}" practitioner,clinic-admin --clinic "$clinic" --sub demo-staff)")
fi

mei=$(post "$clinic_path/practitioners" '{"givenName": "Mei", "familyName": "Lin", "licenceNumber": "BAcC-04512",
  "profession": "ACUPUNCTURIST", "qualifications": "BSc (Hons) Acupuncture; member of the British Acupuncture Council",
  "yearsInAcupuncturePractice": 12}' | field id)
tom=$(post "$clinic_path/practitioners" '{"givenName": "Tom", "familyName": "Hale", "licenceNumber": "HCPC-PH118204",
  "profession": "PHYSIOTHERAPIST", "qualifications": "MSc Physiotherapy; AACP accredited in Western medical acupuncture",
  "yearsInAcupuncturePractice": 6}' | field id)
emit PRACTITIONER_1_ID "$mei"
emit PRACTITIONER_2_ID "$tom"

# Per patient: identity, history (pain sites, duration, frequency, red flag, analgesics, prior care, work),
# practitioner, session count and a STRICTA session template.
declare -A PATIENT HISTORY PRACTITIONER SESSIONS TEMPLATE
PATIENT[1]='"givenName": "Alice", "familyName": "Nguyen", "dateOfBirth": "1972-04-18", "sex": "FEMALE",
  "email": "alice.nguyen@mail.example", "phone": "+44 7700 900123", "mrn": "MRN-0048213"'
HISTORY[1]='"painSites": ["LOW_BACK", "SCIATICA_LEFT"], "painDurationMonths": 9, "identifiableSystemicCause": false,
  "associatedWithSurgery": false, "associatedWithPregnancy": false,
  "painFrequency": "EVERY_DAY_OR_NEARLY_EVERY_DAY", "historyOfCancer": false,
  "analgesics": [{"drugClass": "NSAID", "daysPerWeek": 5, "name": "Ibuprofen 400 mg"}],
  "priorTreatments": ["PHYSIOTHERAPY", "MEDICATION"], "workStatus": "WORKING_FULL_TIME",
  "notes": "Pain worse after prolonged sitting at work"'
PRACTITIONER[1]=$mei; SESSIONS[1]=6
TEMPLATE[1]='"style": "TRADITIONAL_CHINESE", "styleDetails": "Kidney deficiency with Qi and Blood stagnation",
  "points": [{"code": "BL23", "side": "BILATERAL", "depthMm": 25}, {"code": "BL25", "side": "BILATERAL", "depthMm": 30},
             {"code": "GV4", "side": "MIDLINE", "depthMm": 15}, {"code": "GB30", "side": "LEFT", "depthMm": 60},
             {"code": "BL40", "side": "BILATERAL", "depthMm": 20}],
  "needleCount": 9, "deQiElicited": true, "stimulation": "MANUAL", "retentionMinutes": 20,
  "needleType": {"diameterMm": 0.25, "lengthMm": 40, "material": "STAINLESS_STEEL", "manufacturer": "Seirin J-type"},
  "coInterventions": [{"type": "CUPPING", "details": "Fire cupping over the lumbar paraspinals, 5 minutes"}]'

PATIENT[2]='"givenName": "Robert", "familyName": "Okafor", "dateOfBirth": "1965-09-02", "sex": "MALE",
  "email": "r.okafor@mail.example", "phone": "+44 7700 900456", "mrn": "MRN-0051877"'
HISTORY[2]='"painSites": ["LOW_BACK"], "onsetDate": "2023-03-01", "identifiableSystemicCause": false,
  "associatedWithSurgery": false, "associatedWithPregnancy": false,
  "painFrequency": "AT_LEAST_HALF_THE_DAYS", "historyOfCancer": true,
  "analgesics": [{"drugClass": "PARACETAMOL", "daysPerWeek": 4, "name": "Paracetamol 1 g"}],
  "priorTreatments": ["EXERCISE_THERAPY", "MASSAGE"], "workStatus": "WORKING_PART_TIME",
  "notes": "Prostate cancer treated 2014, in remission"'
PRACTITIONER[2]=$mei; SESSIONS[2]=5
TEMPLATE[2]='"style": "TRADITIONAL_CHINESE",
  "points": [{"code": "BL23", "side": "BILATERAL", "depthMm": 25}, {"code": "EX-B2", "side": "BILATERAL", "depthMm": 20},
             {"code": "BL57", "side": "BILATERAL", "depthMm": 30}, {"code": "KI3", "side": "BILATERAL", "depthMm": 10}],
  "needleCount": 12, "deQiElicited": true, "stimulation": "ELECTRO", "electroFrequencyHz": 2, "retentionMinutes": 25,
  "needleType": {"diameterMm": 0.30, "lengthMm": 50, "material": "STAINLESS_STEEL"},
  "coInterventions": [{"type": "HEAT", "details": "Infrared lamp over the lumbar region"}]'

PATIENT[3]='"givenName": "Sofia", "familyName": "Marquez", "dateOfBirth": "1988-11-30", "sex": "FEMALE",
  "email": "sofia.marquez@mail.example", "phone": "+44 7700 900789", "mrn": "MRN-0060342"'
HISTORY[3]='"painSites": ["UPPER_BACK"], "painDurationMonths": 2,
  "painFrequency": "EVERY_DAY_OR_NEARLY_EVERY_DAY", "historyOfCancer": false,
  "analgesics": [{"drugClass": "MUSCLE_RELAXANT", "daysPerWeek": 2, "name": "Methocarbamol"}],
  "priorTreatments": ["MASSAGE"], "workStatus": "WORKING_FULL_TIME", "notes": "Desk work, symptoms since a new job"'
PRACTITIONER[3]=$mei; SESSIONS[3]=4
TEMPLATE[3]='"style": "JAPANESE", "styleDetails": "Meridian therapy, shallow insertion",
  "points": [{"code": "SI11", "side": "BILATERAL", "depthMm": 10}, {"code": "GB21", "side": "BILATERAL", "depthMm": 8},
             {"code": "BL17", "side": "BILATERAL", "depthMm": 10}, {"code": "GV14", "side": "MIDLINE", "depthMm": 8}],
  "needleCount": 7, "deQiElicited": false, "stimulation": "MANUAL", "retentionMinutes": 15,
  "needleType": {"diameterMm": 0.16, "lengthMm": 30, "material": "STAINLESS_STEEL", "manufacturer": "Seirin"},
  "coInterventions": [{"type": "MOXIBUSTION", "details": "Indirect moxa on BL17"}]'

PATIENT[4]='"givenName": "David", "familyName": "Kowalski", "dateOfBirth": "1954-06-12", "sex": "MALE",
  "email": "d.kowalski@mail.example", "phone": "+44 7700 900321", "mrn": "MRN-0039120"'
HISTORY[4]='"painSites": ["LOW_BACK", "SCIATICA_BILATERAL"], "painDurationMonths": 60, "identifiableSystemicCause": false,
  "associatedWithSurgery": false, "associatedWithPregnancy": false,
  "painFrequency": "EVERY_DAY_OR_NEARLY_EVERY_DAY", "historyOfCancer": false,
  "analgesics": [{"drugClass": "OPIOID", "daysPerWeek": 7, "name": "Codeine 30 mg"},
                 {"drugClass": "GABAPENTINOID", "daysPerWeek": 7, "name": "Pregabalin 75 mg"}],
  "priorTreatments": ["PHYSIOTHERAPY", "INJECTION", "MEDICATION"], "workStatus": "RETIRED",
  "notes": "Lumbar spinal stenosis on MRI 2022"'
PRACTITIONER[4]=$tom; SESSIONS[4]=3
TEMPLATE[4]='"style": "WESTERN_MEDICAL",
  "points": [{"code": "BL25", "side": "BILATERAL", "depthMm": 40}, {"code": "GB30", "side": "BILATERAL", "depthMm": 70},
             {"code": "GB34", "side": "BILATERAL", "depthMm": 25}, {"code": "BL60", "side": "BILATERAL", "depthMm": 10}],
  "needleCount": 8, "deQiElicited": true, "stimulation": "MANUAL", "retentionMinutes": 20,
  "needleType": {"diameterMm": 0.30, "lengthMm": 75, "material": "STAINLESS_STEEL"}, "coInterventions": []'

# json_get KEY FROM_FRAGMENT: pulls one value out of the small JSON fragments above
json_get() { python3 -c 'import sys, json; print(json.dumps(json.loads("{" + sys.argv[2] + "}")[sys.argv[1]]))' "$1" "$2"; }

for p in 1 2 3 4; do
  count=${SESSIONS[$p]}
  first_days_ago=$(( (count - 1) * SPACING_DAYS + 1 ))
  start_date=$(date_at "$first_days_ago")

  patient_json=$(post "$clinic_path/patients" "$(python3 -c 'import sys, json
f = json.loads("{" + sys.argv[1] + "}")
mrn = f.pop("mrn")
f["identifiers"] = [{"type": "MRN", "system": "https://ehr.harbour-health.example/mrn", "value": mrn}]
print(json.dumps(f))' "${PATIENT[$p]}")")
  patient=$(printf '%s' "$patient_json" | field id)
  pseudonym=$(printf '%s' "$patient_json" | field pseudonymId)
  emit "PATIENT_${p}_ID" "$patient"
  emit "PATIENT_${p}_PSEUDONYM_ID" "$pseudonym"
  patient_path="$clinic_path/patients/$patient"
  log "patient $p: $patient (pseudonym $pseudonym), $count sessions from $start_date"

  consent_at=$(iso_at $(( first_days_ago + 3 )))
  post "$patient_path/consents" "{\"kind\": \"TREATMENT\", \"documentVersion\": \"2026-03\", \"givenAt\": \"$consent_at\"}" >/dev/null
  post "$patient_path/consents" "{\"kind\": \"RESEARCH\", \"documentVersion\": \"2026-03\", \"givenAt\": \"$consent_at\"}" >/dev/null

  assessment=$(post "$patient_path/intake-assessments" "$(python3 -c 'import sys, json
h = json.loads("{" + sys.argv[1] + "}")
cancer = h.pop("historyOfCancer")
h.update({"assessedOn": sys.argv[2], "assessedBy": sys.argv[3], "redFlags": {
    "saddleAnaesthesiaOrBladderBowelChange": False, "fever": False, "majorTrauma": False,
    "historyOfCancer": cancer, "unexplainedWeightLoss": False, "progressiveNeurologicalDeficit": False}})
print(json.dumps(h))' "${HISTORY[$p]}" "$(date_at $(( first_days_ago + 2 )))" "${PRACTITIONER[$p]}")" | field id)
  if [ "$(json_get historyOfCancer "${HISTORY[$p]}")" = "true" ]; then
    # A red-flag acknowledgement always records the caller: Mei signs in as herself (token claim practitioner_id).
    staff_auth=("${curl_auth[@]}")
    [ -n "${AUTH_HEADER:-}" ] || curl_auth=(-H "Authorization: Bearer $("${MERIDIAN_TOKEN_COMMAND:-$here/../token.sh}" practitioner --clinic "$clinic" \
      --practitioner "$mei" --sub demo-mei)")
    post "$patient_path/intake-assessments/$assessment/red-flag-acknowledgement" \
      '{"note": "History of cancer: treated 2014, in remission; GP letter confirms no current concern. Cleared for acupuncture."}' >/dev/null
    curl_auth=("${staff_auth[@]}")
    log "patient $p: red flag (history of cancer) acknowledged"
  fi

  episode=$(post "$patient_path/episodes" "{\"startDate\": \"$start_date\", \"plannedSessions\": $(( count + 4 )),
    \"goals\": \"Reduce back pain to 3/10 or less; walk 30 minutes without leg pain; sleep through the night\"}" | field id)
  emit "EPISODE_${p}_ID" "$episode"

  for n in $(seq 1 "$count"); do
    days_ago=$(( (count - n) * SPACING_DAYS + 1 ))
    started_at=$(iso_at "$days_ago")
    session=$(post "/clinics/$clinic/episodes/$episode/sessions" \
      "{\"startedAt\": \"$started_at\", \"practitionerId\": \"${PRACTITIONER[$p]}\", ${TEMPLATE[$p]}}" | field id)
    emit "SESSION_${p}_${n}_ID" "$session"
    emit "SESSION_${p}_${n}_STARTED_AT" "$started_at"
    if [ "$p" = 4 ] && [ "$n" = 1 ]; then
      post "/clinics/$clinic/episodes/$episode/sessions/$session/adverse-events" '{"type": "BRUISING", "severity": "MILD",
        "serious": false, "description": "Small bruise at right BL60", "actionTaken": "Reassured; cold compress advised"}' >/dev/null
      log "patient $p: adverse event recorded for session 1"
    fi
  done
done
log "intake demo data created in clinic $clinic"
