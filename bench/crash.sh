#!/usr/bin/env bash
# Crash test: while retrying clients submit questionnaires, kill -9 outcomes-service and then the gateway, restart
# each, and check that every acknowledged (2xx) submission is stored exactly once and nothing is duplicated.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/db.sh
source scripts/lib/keys.sh
source scripts/lib/services.sh

export MERIDIAN_DB_NAME=meridian_crash
export MERIDIAN_GATEWAY_RATE_LIMIT_USER_PER_MINUTE=1000000000
export MERIDIAN_GATEWAY_RATE_LIMIT_CLIENT_PER_MINUTE=1000000000
LOAD_SECONDS=${CRASH_LOAD_SECONDS:-60}
any_service_running && die "a Meridian stack is running; stop it (scripts/stop.sh) first"

bootstrap_database "$MERIDIAN_DB_NAME" --recreate
trap 'scripts/stop.sh >/dev/null 2>&1 || true' EXIT
scripts/run.sh --detach >/dev/null
select_jdk

patients=$(mktemp)
python3 bench/patients.py "http://127.0.0.1:$MERIDIAN_GATEWAY_PORT" 50 >"$patients"
clinic=$(head -1 "$patients")
sed -i 1d "$patients"
token=$(scripts/token.sh practitioner --clinic "$clinic" --ttl 7200 --sub crash-client)
acks=$(mktemp)
python3 bench/retrying_client.py "http://127.0.0.1:$MERIDIAN_GATEWAY_PORT" "$clinic" "$token" "$acks" \
  --patients "$patients" --workers 8 --seconds "$LOAD_SECONDS" --give-up-after 120 &
client=$!

restart() { # restart SERVICE: kill -9, then start it again and wait until ready
  local service=$1 pid
  pid=$(cat "$(pid_file "$service")")
  log "kill -9 $service (pid $pid)"
  kill -9 "$pid"
  sleep 3
  start_service "$service" "$(service_port "$service")"
  wait_until_ready "$service"
}

sleep $((LOAD_SECONDS / 4))
restart outcomes-service
sleep $((LOAD_SECONDS / 4))
restart gateway
wait "$client"

read -r submitted acknowledged gave_up <<<"$(awk '{n++; if ($2 >= 200 && $2 < 300) a++; else g++} END {print n+0, a+0, g+0}' "$acks")"
awk '$2 >= 200 && $2 < 300 {print $1}' "$acks" >"$acks.ok"
chmod 644 "$acks.ok"
admin_psql "$MERIDIAN_DB_NAME" -q -c "create temp table acked(key text)" -c "\\copy acked from '$acks.ok'" \
  -tA -F ' ' -c "select
      (select count(*) from acked a where not exists (select 1 from outcomes.assessment s where s.idempotency_key = a.key)),
      (select count(*) from (select idempotency_key from outcomes.assessment group by clinic_id, pseudonym_id, idempotency_key having count(*) > 1) d),
      (select count(*) from outcomes.assessment)" >"$acks.check"
read -r lost duplicated rows <"$acks.check"

echo
echo "submissions attempted:        $submitted"
echo "acknowledged (2xx):           $acknowledged"
echo "never acknowledged (gave up): $gave_up"
echo "rows stored:                  $rows"
echo "acknowledged but lost:        $lost"
echo "duplicated:                   $duplicated"
echo "retries needed:               $(awk '{r += $3 - 1} END {print r+0}' "$acks")"
rm -f "$acks" "$acks.ok" "$acks.check" "$patients"
[ "$lost" -eq 0 ] && [ "$duplicated" -eq 0 ] || die "acknowledged submissions were lost or duplicated"
log "crash test passed: nothing lost, nothing duplicated"
