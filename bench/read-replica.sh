#!/usr/bin/env bash
# Research reads from a streaming replica (docs/deployment.md#research-reads-from-a-replica), proven on this machine.
# Makes a throw-away PostgreSQL primary and a streaming standby of it (Debian's PostgreSQL binaries, ports 26432 and
# 26433, data under /tmp), starts a stack on them whose outcomes-service reads research through
# MERIDIAN_RESEARCH_DB_URL = standby,primary with targetServerType=preferSecondary, then checks and prints:
#   - research aggregates and exports run on the standby, and none on the primary;
#   - no statement of outcomes-service's primary pool ever reaches the standby (writes cannot, reads do not);
#   - the replication lag sampled on the primary while submissions stream in: the staleness research reads allow;
#   - every acknowledged submission reaches the standby;
#   - with the standby stopped, research falls back to the primary without a failed request.
# Exits non-zero when a check fails. Needs no running Meridian stack; leaves nothing behind.
#   REPLICA_PRIMARY_PORT / REPLICA_STANDBY_PORT (26432 / 26433), REPLICA_LOAD_SECONDS (15)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
primary_port=${REPLICA_PRIMARY_PORT:-26432}
standby_port=${REPLICA_STANDBY_PORT:-26433}
load_seconds=${REPLICA_LOAD_SECONDS:-15}

export MERIDIAN_RUN_DIR="$root/.run/read-replica"
export MERIDIAN_DB_HOST=127.0.0.1 MERIDIAN_DB_PORT=$primary_port MERIDIAN_DB_NAME=meridian_replica
export MERIDIAN_DB_ADMIN_USER=postgres MERIDIAN_DB_ADMIN_PASSWORD=
export MERIDIAN_INTAKE_PORT=${REPLICA_INTAKE_PORT:-26081} MERIDIAN_OUTCOMES_PORT=${REPLICA_OUTCOMES_PORT:-26082}
export MERIDIAN_GATEWAY_PORT=${REPLICA_GATEWAY_PORT:-26080}
export MERIDIAN_RESEARCH_DB_URL="jdbc:postgresql://127.0.0.1:$standby_port,127.0.0.1:$primary_port/$MERIDIAN_DB_NAME?targetServerType=preferSecondary"
export MERIDIAN_GATEWAY_RATE_LIMIT_USER_PER_MINUTE=1000000000 MERIDIAN_GATEWAY_RATE_LIMIT_CLIENT_PER_MINUTE=1000000000
unset MERIDIAN_INTAKE_URL MERIDIAN_OUTCOMES_URL MERIDIAN_KEYS_DIR
source scripts/lib/common.sh
source scripts/lib/db.sh
source scripts/lib/services.sh
source scripts/lib/keys.sh

select_jdk
any_service_running && die "a read-replica stack is already running; stop it with MERIDIAN_RUN_DIR=$MERIDIAN_RUN_DIR scripts/stop.sh"
command -v pg_lsclusters >/dev/null 2>&1 || install_postgres
bin=/usr/lib/postgresql/$(ls /etc/postgresql | sort -V | tail -n 1)/bin
[ -x "$bin/initdb" ] || die "no PostgreSQL server binaries under $bin"
for port in "$primary_port" "$standby_port"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port is taken; set REPLICA_PRIMARY_PORT / REPLICA_STANDBY_PORT"
done

# PostgreSQL refuses to run as root: the clusters belong to the postgres user when we are root, to us otherwise.
data=$(mktemp -d /tmp/meridian-replica.XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres: "$data"
cleanup() {
  stop_all >/dev/null 2>&1 || true
  as_pg "$bin/pg_ctl" -D "$data/standby" -m immediate stop >/dev/null 2>&1 || true
  as_pg "$bin/pg_ctl" -D "$data/primary" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT

sql() { # sql PORT STATEMENT: one value, as the cluster's superuser
  psql -X -q -tA -h 127.0.0.1 -p "$1" -U postgres -d "$MERIDIAN_DB_NAME" -c "$2"
}

log "creating the primary (port $primary_port) and its streaming standby (port $standby_port) under $data"
as_pg "$bin/initdb" -D "$data/primary" -U postgres -A trust -E UTF8 --no-sync >"$data/initdb.log" 2>&1 \
  || { cat "$data/initdb.log" >&2; die "initdb failed"; }
cat >>"$data/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $primary_port
unix_socket_directories = '$data'
wal_level = replica
max_wal_senders = 4
shared_preload_libraries = 'pg_stat_statements'
# Research queries on the standby are not cancelled by the vacuum of rows they still read (docs/deployment.md).
hot_standby_feedback = on
fsync = off
EOF
as_pg "$bin/pg_ctl" -D "$data/primary" -l "$data/primary.log" -w start >/dev/null
as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres -D "$data/standby" -R -X stream -c fast
echo "port = $standby_port" | as_pg tee -a "$data/standby/postgresql.auto.conf" >/dev/null
as_pg "$bin/pg_ctl" -D "$data/standby" -l "$data/standby.log" -w start >/dev/null
[ "$(psql -X -tA -h 127.0.0.1 -p "$standby_port" -U postgres -d postgres -c 'select pg_is_in_recovery()')" = t ] \
  || die "the standby is not in recovery"

bootstrap_database "$MERIDIAN_DB_NAME" >/dev/null 2>&1
sql "$primary_port" "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
log "starting the stack (research reads: $MERIDIAN_RESEARCH_DB_URL)"
scripts/run.sh --detach --demo >"$data/run.log" 2>&1 || { tail -n 40 "$data/run.log" >&2; die "the stack did not start"; }
gateway="http://127.0.0.1:$MERIDIAN_GATEWAY_PORT"

for port in "$primary_port" "$standby_port"; do sql "$port" "SELECT pg_stat_statements_reset()" >/dev/null; done
researcher=$(scripts/token.sh researcher --sub replica-researcher)
exporter=$(scripts/token.sh researcher,research-export --sub replica-exporter)
research_calls() { # research_calls: prints the HTTP statuses of one aggregate and one export, space-separated
  printf '%s %s\n' \
    "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $researcher" \
      "$gateway/api/v1/outcomes/research/aggregates?instrument=ODI&followUpWeeks=12&groupBy=sex")" \
    "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $exporter" \
      "$gateway/api/v1/outcomes/research/exports/assessments?project=replica-check&format=ndjson")"
}
aggregates_on() { sql "$1" "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query ILIKE '%grouping sets%'"; }
exports_on() { sql "$1" "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE query ILIKE '%ORDER BY received_at DESC, id DESC LIMIT%'"; }
outcomes_role_statements_on() {
  sql "$1" "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = '$MERIDIAN_DB_OUTCOMES_USER'"
}
writes_on() {
  sql "$1" "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements s JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = '$MERIDIAN_DB_OUTCOMES_USER' AND s.query ~* '^\\s*(insert|update|delete)'"
}

failures=()
statuses=()
for _ in 1 2 3 4 5; do statuses+=("$(research_calls)"); done
bad=$(printf '%s\n' "${statuses[@]}" | tr ' ' '\n' | grep -vc '^200$' || true)
standby_aggregates=$(aggregates_on "$standby_port") primary_aggregates=$(aggregates_on "$primary_port")
standby_exports=$(exports_on "$standby_port")
standby_outcomes=$(outcomes_role_statements_on "$standby_port") standby_writes=$(writes_on "$standby_port")
primary_outcomes=$(outcomes_role_statements_on "$primary_port")
research_connections=$(sql "$standby_port" "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'outcomes-service research'")
echo "research calls (5 aggregates, 5 exports): $((10 - bad)) answered 200"
echo "  aggregate statements: standby $standby_aggregates, primary $primary_aggregates"
echo "  export statements on the standby: $standby_exports; research connections open there: $research_connections"
echo "  outcomes-service statements: standby $standby_outcomes (of which writes $standby_writes), primary $primary_outcomes"
[ "$bad" -eq 0 ] || failures+=("$bad research calls did not answer 200")
[ "$standby_aggregates" -ge 5 ] || failures+=("aggregates did not run on the standby")
[ "$primary_aggregates" -eq 0 ] || failures+=("aggregates ran on the primary while the standby was up")
[ "$standby_exports" -ge 5 ] || failures+=("exports did not run on the standby")
[ "$standby_writes" -eq 0 ] || failures+=("writes reached the standby")

log "submitting for $load_seconds s while sampling the replication lag"
patients=$data/patients.txt acks=$data/acks.txt
python3 bench/patients.py "$gateway" 20 >"$patients"
clinic=$(head -1 "$patients"); sed -i 1d "$patients"
token=$(scripts/token.sh practitioner --clinic "$clinic" --ttl 3600 --sub replica-client)
python3 bench/retrying_client.py "$gateway" "$clinic" "$token" "$acks" --patients "$patients" --workers 4 \
  --seconds "$load_seconds" &
client=$!
lags=$data/lags.txt
: >"$lags"
while kill -0 "$client" 2>/dev/null; do
  sql "$primary_port" "SELECT coalesce(round(extract(epoch FROM replay_lag) * 1000, 1), 0) FROM pg_stat_replication" >>"$lags" || true
  sleep 0.25
done
wait "$client"
read -r samples lag_p50 lag_p99 lag_max < <(sort -n "$lags" | awk '{v[NR] = $1} END {
  if (NR == 0) { print 0, 0, 0, 0; exit }
  p50 = v[int((NR - 1) * 0.50) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]; print NR, p50, p99, v[NR] }')
echo "replication lag during $load_seconds s of submissions ($samples samples of pg_stat_replication.replay_lag):"
echo "  p50 $lag_p50 ms, p99 $lag_p99 ms, max $lag_max ms"

acked=$(awk '$2 >= 200 && $2 < 300' "$acks" | wc -l)
target_lsn=$(sql "$primary_port" "SELECT pg_current_wal_lsn()")
for i in $(seq 1 50); do
  [ "$(sql "$standby_port" "SELECT pg_last_wal_replay_lsn() >= '$target_lsn'::pg_lsn")" = t ] && break
  sleep 0.1
done
count_bench="SELECT count(*) FROM outcomes.assessment a WHERE a.clinic_id = '$clinic'"
on_primary=$(sql "$primary_port" "$count_bench") on_standby=$(sql "$standby_port" "$count_bench")
echo "submissions acknowledged: $acked; stored on the primary: $on_primary; replayed on the standby: $on_standby"
[ "$acked" -gt 0 ] || failures+=("no submission was acknowledged")
[ "$on_primary" -eq "$acked" ] || failures+=("the primary holds $on_primary submissions, $acked were acknowledged")
[ "$on_standby" -eq "$on_primary" ] || failures+=("the standby replayed $on_standby of $on_primary submissions")

log "stopping the standby: research must fall back to the primary"
as_pg "$bin/pg_ctl" -D "$data/standby" -m fast -w stop >/dev/null
after_stop=$(research_calls)
fallback_aggregates=$(aggregates_on "$primary_port")
echo "with the standby stopped: research calls answered $after_stop; aggregate statements on the primary: $fallback_aggregates"
[ "$after_stop" = "200 200" ] || failures+=("with the standby stopped, research answered $after_stop")
[ "$fallback_aggregates" -ge 1 ] || failures+=("with the standby stopped, aggregates did not run on the primary")

if [ ${#failures[@]} -gt 0 ]; then
  printf '[meridian] FAILED: %s\n' "${failures[@]}" >&2
  exit 1
fi
log "read-replica check passed"
