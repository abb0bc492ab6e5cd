#!/usr/bin/env bash
# Scale-out test: two gateways, two intake-services and two outcomes-services on one PostgreSQL, HAProxy in front of
# the gateways (and of intake's internal feed, for outcomes), Redis for the gateways' shared rate limits.
#
# 1. Under load (retrying clients with Idempotency-Keys submitting to outcomes, a front desk registering patients in
#    intake), kill -9 one replica of each service: the second gateway, the second intake and the outcomes replica
#    that holds the feed lease. Then check that no acknowledged submission or registration was lost or duplicated,
#    that outcomes projected every event of intake's outbox exactly once (the lease moved to the other replica), and
#    that the surviving replicas carried the load.
# 2. Restart the gateways with a small per-user limit and hammer it through HAProxy (so through both gateways): the
#    2xx answers must be within 5 % of one budget (plus what refilled meanwhile), not two.
# Prints the counts; exits non-zero when a check fails. Environment: MERIDIAN_DB_NAME (meridian_replicas),
# REPLICAS_PORT_BASE (18180: gateways +0 +1, intakes +2 +3, outcomes +4 +5, HAProxy +10 and +11, Redis +12;
# management ports +1000), REPLICAS_LOAD_SECONDS (60), REPLICAS_RATE_LIMIT (300 a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
export MERIDIAN_DB_NAME=${MERIDIAN_DB_NAME:-meridian_replicas}
source scripts/lib/common.sh
source scripts/lib/db.sh
source scripts/lib/keys.sh
source scripts/lib/services.sh

BASE=${REPLICAS_PORT_BASE:-18180}
LOAD_SECONDS=${REPLICAS_LOAD_SECONDS:-60}
RATE_LIMIT=${REPLICAS_RATE_LIMIT:-300}
RUN=$MERIDIAN_RUN_DIR/replicas
declare -A PORT=([gateway-1]=$BASE [gateway-2]=$((BASE + 1)) [intake-1]=$((BASE + 2)) [intake-2]=$((BASE + 3))
  [outcomes-1]=$((BASE + 4)) [outcomes-2]=$((BASE + 5)))
FRONT=$((BASE + 10)) INTAKE_INTERNAL=$((BASE + 11)) REDIS_PORT=$((BASE + 12))
mkdir -p "$RUN/logs"
rm -f "$RUN"/*.pid

command -v haproxy >/dev/null || { log "installing haproxy"; as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null; }
command -v redis-server >/dev/null || { log "installing redis-server"; as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }

stop_everything() {
  local file pid
  for file in "$RUN"/*.pid; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    kill -TERM "$pid" 2>/dev/null || true
  done
  sleep 2
  for file in "$RUN"/*.pid; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$file"
  done
}
trap stop_everything EXIT

select_jdk
ensure_dev_keys
build_if_needed false
bootstrap_database "$MERIDIAN_DB_NAME" --recreate

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$RUN/logs/redis.log" 2>&1 &
echo $! >"$RUN/redis.pid"

cat >"$RUN/haproxy.cfg" <<EOF
global
  maxconn 2000
defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  retries 3
  option redispatch
  retry-on conn-failure empty-response response-timeout
frontend public
  bind 127.0.0.1:$FRONT
  default_backend gateways
backend gateways
  balance roundrobin
  option httpchk GET /q/health/ready
  server gateway-1 127.0.0.1:${PORT[gateway-1]} check port $((PORT[gateway-1] + 1000)) inter 1s fall 2 rise 2
  server gateway-2 127.0.0.1:${PORT[gateway-2]} check port $((PORT[gateway-2] + 1000)) inter 1s fall 2 rise 2
listen intake_internal
  bind 127.0.0.1:$INTAKE_INTERNAL
  balance roundrobin
  option httpchk GET /q/health/ready
  server intake-1 127.0.0.1:${PORT[intake-1]} check port $((PORT[intake-1] + 1000)) inter 1s fall 2 rise 2
  server intake-2 127.0.0.1:${PORT[intake-2]} check port $((PORT[intake-2] + 1000)) inter 1s fall 2 rise 2
EOF
haproxy -f "$RUN/haproxy.cfg" -db >"$RUN/logs/haproxy.log" 2>&1 &
echo $! >"$RUN/haproxy.pid"

start_replica() { # start_replica NAME [VAR=value...]: NAME is gateway-N, intake-N or outcomes-N
  local name=$1 module port management
  shift
  module=${name%-*}
  [ "$module" = gateway ] || module=$module-service
  port=${PORT[$name]} management=$((PORT[$name] + 1000))
  # shellcheck disable=SC2086
  env QUARKUS_DATASOURCE_JDBC_URL="$(jdbc_url "$MERIDIAN_DB_NAME")" \
    MERIDIAN_GATEWAY_PORT="$port" MERIDIAN_GATEWAY_MANAGEMENT_PORT="$management" \
    MERIDIAN_INTAKE_PORT="$port" MERIDIAN_INTAKE_MANAGEMENT_PORT="$management" \
    MERIDIAN_OUTCOMES_PORT="$port" MERIDIAN_OUTCOMES_MANAGEMENT_PORT="$management" \
    "$@" \
    nohup "$JAVA_HOME/bin/java" -Duser.timezone=UTC -Dvertx.disableURIValidation=true ${MERIDIAN_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} \
    -jar "$MERIDIAN_ROOT/$module/target/quarkus-app/quarkus-run.jar" >>"$RUN/logs/$name.log" 2>&1 &
  echo $! >"$RUN/$name.pid"
  disown $! # killed on purpose later: no "Killed" notice from bash
}

ready() { # ready NAME: waits for its readiness
  local name=$1 i
  for i in $(seq 1 120); do
    curl -fsS -o /dev/null "http://127.0.0.1:$((PORT[$name] + 1000))/q/health/ready" 2>/dev/null && return 0
    kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null || { tail -n 30 "$RUN/logs/$name.log" >&2; die "$name exited during start-up"; }
    sleep 1
  done
  die "$name was not ready within 120 s ($RUN/logs/$name.log)"
}

start_gateway() { # start_gateway NAME USER_LIMIT_PER_MINUTE
  start_replica "$1" MERIDIAN_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" \
    MERIDIAN_INTAKE_URL="http://127.0.0.1:${PORT[intake-1]},http://127.0.0.1:${PORT[intake-2]}" \
    MERIDIAN_OUTCOMES_URL="http://127.0.0.1:${PORT[outcomes-1]},http://127.0.0.1:${PORT[outcomes-2]}" \
    MERIDIAN_GATEWAY_RATE_LIMIT_USER_PER_MINUTE="$2" MERIDIAN_GATEWAY_RATE_LIMIT_CLIENT_PER_MINUTE=1000000000
}

requests_served() { # requests_served NAME: the replica's HTTP requests so far (its metrics), 0 when it is down
  curl -fsS "http://127.0.0.1:$((PORT[$1] + 1000))/q/metrics" 2>/dev/null \
    | awk '/^http_server_requests_seconds_count/ {sub(/ #.*/, ""); s += $NF} END {printf "%d\n", s}' || echo 0
}

gauge() { # gauge NAME METRIC
  curl -fsS "http://127.0.0.1:$((PORT[$1] + 1000))/q/metrics" 2>/dev/null | awk -v m="$2" '$1 == m {print $2; exit}'
}

log "starting two intake-services, two outcomes-services, two gateways"
start_replica intake-1
ready intake-1 # the first migrates; the second then finds nothing to do
start_replica intake-2
for name in outcomes-1 outcomes-2; do
  start_replica "$name" MERIDIAN_INTAKE_URL="http://127.0.0.1:$INTAKE_INTERNAL"
done
start_gateway gateway-1 1000000000
start_gateway gateway-2 1000000000
for name in intake-2 outcomes-1 outcomes-2 gateway-1 gateway-2; do ready "$name"; done
sleep 3 # a poll or two: one outcomes replica takes the feed lease

front="http://127.0.0.1:$FRONT"
patients=$RUN/patients.txt acks=$RUN/acks.txt registered=$RUN/registered.txt
python3 bench/patients.py "$front" 50 >"$patients"
clinic=$(head -1 "$patients")
sed -i 1d "$patients"
token=$(scripts/token.sh practitioner --clinic "$clinic" --ttl 7200 --sub replicas-client)
staff=$(scripts/token.sh practitioner,clinic-admin --clinic "$clinic" --ttl 7200 --sub replicas-front-desk)

declare -A BEFORE
for name in "${!PORT[@]}"; do BEFORE[$name]=$(requests_served "$name"); done
log "load for ${LOAD_SECONDS}s through HAProxy :$FRONT"
python3 bench/retrying_client.py "$front" "$clinic" "$token" "$acks" \
  --patients "$patients" --workers 6 --seconds "$LOAD_SECONDS" --give-up-after 120 &
client=$!
python3 bench/intake_writer.py "$front" "$clinic" "$staff" "$registered" --seconds "$LOAD_SECONDS" --workers 2 &
writer=$!

sleep $((LOAD_SECONDS / 3))
leader=outcomes-1
[ "$(gauge outcomes-2 meridian_intake_feed_leader)" = "1.0" ] && leader=outcomes-2
survivor=$([ "$leader" = outcomes-1 ] && echo outcomes-2 || echo outcomes-1)
declare -A AT_KILL
for name in "${!PORT[@]}"; do AT_KILL[$name]=$(requests_served "$name"); done
for name in gateway-2 intake-2 "$leader"; do
  log "kill -9 $name (pid $(cat "$RUN/$name.pid"))"
  kill -9 "$(cat "$RUN/$name.pid")"
  rm -f "$RUN/$name.pid"
done
killed_at=$(date +%s.%N)
takeover=""
for _ in $(seq 1 120); do
  if [ "$(gauge "$survivor" meridian_intake_feed_leader)" = "1.0" ]; then
    takeover=$(echo "$(date +%s.%N) - $killed_at" | bc)
    break
  fi
  sleep 0.5
done
wait "$client" "$writer"
sleep 5 # the new leader's next polls bring the last events

# What the client saw, against the database.
awk '$2 >= 200 && $2 < 300 {print $1}' "$acks" >"$acks.ok"
awk '$1 != "-" {print $1}' "$registered" >"$registered.ok"
chmod 644 "$acks.ok" "$registered.ok"
read -r lost duplicated rows registrations_lost registrations_unprojected outbox processed skipped cursor head < <(
  admin_psql "$MERIDIAN_DB_NAME" -q -c "create temp table acked(key text)" -c "\\copy acked from '$acks.ok'" \
    -c "create temp table registered(pseudonym uuid)" -c "\\copy registered from '$registered.ok'" \
    -tA -F ' ' -c "select
      (select count(*) from acked a where not exists (select 1 from outcomes.assessment s where s.idempotency_key = a.key)),
      (select count(*) from (select idempotency_key from outcomes.assessment group by clinic_id, pseudonym_id, idempotency_key having count(*) > 1) d),
      (select count(*) from outcomes.assessment),
      (select count(*) from registered r where not exists (select 1 from intake.outbox_event o where o.pseudonym_id = r.pseudonym and o.type = 'PatientRegistered')),
      (select count(*) from registered r where not exists (select 1 from outcomes.projected_patient p where p.pseudonym_id = r.pseudonym)),
      (select count(*) from intake.outbox_event),
      (select count(*) from outcomes.processed_event),
      (select count(*) from intake.outbox_event o where not exists (select 1 from outcomes.processed_event p where p.event_id = o.event_id::text)),
      (select position from outcomes.feed_cursor where feed = 'intake-events'),
      (select coalesce(max(position), 0) from intake.outbox_event)")

echo
echo "== kill -9 of gateway-2, intake-2 and $leader (the feed lease holder) under load =="
echo "submissions attempted:                 $(wc -l <"$acks")"
echo "acknowledged (2xx):                    $(wc -l <"$acks.ok")"
echo "never acknowledged (gave up):          $(awk '$2 < 200 || $2 >= 300' "$acks" | wc -l)"
echo "retries needed:                        $(awk '{r += $3 - 1} END {print r+0}' "$acks")"
echo "assessment rows stored:                $rows"
echo "acknowledged but lost:                 $lost"
echo "duplicated:                            $duplicated"
echo "patients registered (acknowledged):    $(wc -l <"$registered.ok") (retries $(awk '{r += $3 - 1} END {print r+0}' "$registered"))"
echo "registrations without their event:     $registrations_lost"
echo "registrations not projected:           $registrations_unprojected"
echo "intake outbox events:                  $outbox (head position $head)"
echo "events processed by outcomes:          $processed"
echo "outbox events never processed:         $skipped"
echo "outcomes feed cursor:                  $cursor"
echo "feed lease taken over by $survivor in: ${takeover:-never} s"
echo "requests served (before kill / after kill):"
for name in gateway-1 gateway-2 intake-1 intake-2 outcomes-1 outcomes-2; do
  now=$(requests_served "$name")
  if [ -f "$RUN/$name.pid" ]; then after=$((now - AT_KILL[$name])); else after="killed"; fi
  printf '  %-11s %7d / %s\n' "$name" $((AT_KILL[$name] - BEFORE[$name])) "$after"
done

failures=()
[ "$lost" -eq 0 ] || failures+=("acknowledged submissions lost")
[ "$duplicated" -eq 0 ] || failures+=("submissions duplicated")
[ "$registrations_lost" -eq 0 ] || failures+=("acknowledged registrations lost")
[ "$registrations_unprojected" -eq 0 ] || failures+=("registrations not projected")
[ "$skipped" -eq 0 ] || failures+=("outbox events skipped by the projection")
[ "$processed" -eq "$outbox" ] || failures+=("processed events ($processed) differ from the outbox ($outbox)")
[ "$cursor" -eq "$head" ] || failures+=("the feed cursor ($cursor) is not at the outbox head ($head)")
[ -n "$takeover" ] || failures+=("nobody took the feed lease over")
[ "$(wc -l <"$acks.ok")" -gt 0 ] || failures+=("no submission acknowledged")
for name in gateway-1 intake-1 "$survivor"; do
  [ $(($(requests_served "$name") - AT_KILL[$name])) -gt 0 ] || failures+=("$name served nothing after the kill")
done

# 2. The shared rate limit: both gateways restarted with a small per-user budget, hammered through HAProxy.
log "restarting the gateways with $RATE_LIMIT requests a minute per user"
for name in gateway-1 gateway-2; do
  [ -f "$RUN/$name.pid" ] && { kill -TERM "$(cat "$RUN/$name.pid")"; while kill -0 "$(cat "$RUN/$name.pid")" 2>/dev/null; do sleep 0.2; done; }
  rm -f "$RUN/$name.pid"
done
for name in gateway-1 gateway-2; do start_gateway "$name" "$RATE_LIMIT"; done
for name in gateway-1 gateway-2; do ready "$name"; done
sleep 2 # HAProxy sees both up again
limited=$(scripts/token.sh practitioner --clinic "$clinic" --ttl 600 --sub "replicas-limited-$RANDOM$RANDOM")
g1_before=$(requests_served gateway-1) g2_before=$(requests_served gateway-2)
read -r ok refused seconds < <(python3 - "$front/api/v1/intake/clinics/$clinic" "$limited" $((RATE_LIMIT * 2)) <<'EOF'
import sys, time, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor
url, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
def call(_):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
started = time.time()
with ThreadPoolExecutor(8) as pool:
    statuses = list(pool.map(call, range(count)))
print(sum(200 <= s < 300 for s in statuses), sum(s == 429 for s in statuses), round(time.time() - started, 2))
EOF
)
g1=$(($(requests_served gateway-1) - g1_before)) g2=$(($(requests_served gateway-2) - g2_before))
# the budget, and what refilled while the hammer ran (RATE_LIMIT a minute)
expected=$(echo "$RATE_LIMIT + $RATE_LIMIT * $seconds / 60" | bc -l)
deviation=$(echo "($ok - $expected) / $expected * 100" | bc -l)
echo
echo "== shared rate limit: $((RATE_LIMIT * 2)) calls of one user through both gateways, $RATE_LIMIT a minute =="
echo "answered 2xx / 429:                    $ok / $refused (in $seconds s)"
echo "requests per gateway:                  gateway-1 $g1, gateway-2 $g2"
printf 'expected 2xx (budget + refill):        %.1f\n' "$expected"
printf 'deviation:                             %+.1f %%\n' "$deviation"
[ "$(echo "${deviation#-} <= 5" | bc -l)" -eq 1 ] || failures+=("2xx deviate from one shared budget by more than 5 %")
[ "$g1" -gt 0 ] && [ "$g2" -gt 0 ] || failures+=("the hammer did not reach both gateways")
fallbacks=0
for name in gateway-1 gateway-2; do
  fallbacks=$((fallbacks + $(gauge "$name" meridian_gateway_rate_limit_fallbacks_total | cut -d. -f1)))
done
echo "decisions taken without Redis:         $fallbacks"

rm -f "$acks.ok" "$registered.ok"
echo
if [ ${#failures[@]} -gt 0 ]; then
  printf '[meridian] FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
log "scale-out test passed"
