#!/usr/bin/env bash
# Database outage test: under load, stop PostgreSQL for ~10 s. The services must answer quickly with 503
# problem+json and Retry-After (no hung requests), report readiness DOWN, recover by themselves when the database
# returns, and keep every acknowledged write.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/db.sh
source scripts/lib/keys.sh
source scripts/lib/services.sh

export MERIDIAN_DB_NAME=meridian_outage
export MERIDIAN_GATEWAY_RATE_LIMIT_USER_PER_MINUTE=1000000000
export MERIDIAN_GATEWAY_RATE_LIMIT_CLIENT_PER_MINUTE=1000000000
OUTAGE_SECONDS=${OUTAGE_SECONDS:-10}
is_local_db || die "this test stops PostgreSQL, so it only runs against a local one"
any_service_running && die "a Meridian stack is running; stop it (scripts/stop.sh) first"

bootstrap_database "$MERIDIAN_DB_NAME" --recreate
version=$(pg_lsclusters -h | awk -v port="$MERIDIAN_DB_PORT" '$3 == port {print $1; exit}')
trap 'as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start >/dev/null 2>&1 || true; scripts/stop.sh >/dev/null 2>&1 || true' EXIT
scripts/run.sh --detach >/dev/null

gateway="http://127.0.0.1:$MERIDIAN_GATEWAY_PORT"
patients=$(mktemp)
python3 bench/patients.py "$gateway" 50 >"$patients"
clinic=$(head -1 "$patients")
sed -i 1d "$patients"
token=$(scripts/token.sh practitioner --clinic "$clinic" --ttl 7200 --sub outage-client)
acks=$(mktemp)
python3 bench/retrying_client.py "$gateway" "$clinic" "$token" "$acks" --patients "$patients" --workers 4 --seconds $((OUTAGE_SECONDS + 30)) &
client=$!
sleep 10

log "stopping PostgreSQL for $OUTAGE_SECONDS s"
as_root pg_ctlcluster --skip-systemctl-redirect "$version" main stop -m fast
sleep 2
probe_url="$gateway/api/v1/outcomes/clinics/$clinic/patients/$(head -1 "$patients")/assessments"
probe=$(curl -s -o /tmp/meridian-outage-body -w '%{http_code} %{time_total}' -X POST "$probe_url" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -H "Idempotency-Key: $(python3 -c 'import uuid; print(uuid.uuid4())')" \
  -d '{"instrumentCode":"NRS_BACK_PAIN","timepoint":"AD_HOC","answeredAt":"2026-11-20T09:00:00Z","answers":{"back_pain_nrs":4}}' -D /tmp/meridian-outage-headers)
ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MERIDIAN_OUTCOMES_MANAGEMENT_PORT/q/health/ready")
echo "during the outage: submission answered $probe (status, seconds); outcomes readiness HTTP $ready"
echo "  content type: $(awk -F': ' 'tolower($1)=="content-type" {print $2}' /tmp/meridian-outage-headers | tr -d '\r')"
echo "  Retry-After:  $(awk -F': ' 'tolower($1)=="retry-after" {print $2}' /tmp/meridian-outage-headers | tr -d '\r')"
sleep $((OUTAGE_SECONDS - 2))
log "starting PostgreSQL again"
as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
for i in $(seq 1 30); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$MERIDIAN_OUTCOMES_MANAGEMENT_PORT/q/health/ready")" = 200 ] && break
  sleep 1
done
echo "readiness UP again after ${i} s"
wait "$client"

awk '$2 >= 200 && $2 < 300 {print $1}' "$acks" >"$acks.ok"
chmod 644 "$acks.ok"
read -r lost rows <<<"$(admin_psql "$MERIDIAN_DB_NAME" -q -c "create temp table acked(key text)" -c "\\copy acked from '$acks.ok'" -tA -F ' ' -c \
  "select (select count(*) from acked a where not exists (select 1 from outcomes.assessment s where s.idempotency_key = a.key)), (select count(*) from outcomes.assessment)")"
echo "acknowledged: $(wc -l <"$acks.ok")  stored: $rows  acknowledged but lost: $lost  gave up: $(awk '$2 < 200 || $2 >= 300' "$acks" | wc -l)"
code=${probe%% *}
rm -f "$acks" "$acks.ok" "$patients"
[ "$lost" -eq 0 ] || die "acknowledged submissions were lost"
[ "$code" = 503 ] || die "during the outage a submission got HTTP $code instead of 503"
[ "$ready" = 503 ] || die "readiness did not report DOWN during the outage"
log "outage test passed"
