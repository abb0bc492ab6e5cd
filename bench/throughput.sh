#!/usr/bin/env bash
# Submission throughput: Meridian through the gateway, Meridian direct (outcomes-service), and PostgreSQL's own
# insert rate for the same rows (pgbench, into the table as V2 created it and as all of outcomes' migrations left it),
# at several concurrencies, in one run on this machine; with the CPU milliseconds each process (gateway, services,
# PostgreSQL) spent per submission, read from /proc, and a short calibration of the machine (bench/proc_cpu.py), so
# that runs on different days compare; first, the time a fresh stack takes to reach its steady submission rate
# (BENCH_WARMUP_SECONDS=20 of 1 s slices).
#   bench/throughput.sh                      (BENCH_DURATION=15 BENCH_CONCURRENCY="8 32 64" by default)
#   BENCH_BEFORE_JAVA_OPTS="-Xmx384m -XX:+UseSerialGC" bench/throughput.sh
#                                            measures twice in one run: "before" (these JVM options, no AOT cache),
#                                            then "after" (the run scripts' defaults), each on a fresh stack and database
#   BENCH_BEFORE_REF=46aa4fa bench/throughput.sh
#                                            the same, with "before" the stack of that commit: built in a temporary
#                                            git worktree and started by its own scripts (as they were then)
# It starts its own stack on a separate database (BENCH_DB_NAME_app, default meridian_bench_app; MERIDIAN_*_PORT and
# MERIDIAN_RUN_DIR as for scripts/run.sh) with the gateway's rate limits lifted (the
# benchmark is one client), and stops it at the end. Results: printed, and saved under bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/db.sh
source scripts/lib/keys.sh
source scripts/lib/services.sh

DURATION=${BENCH_DURATION:-15}
CONCURRENCY=${BENCH_CONCURRENCY:-"8 32 64"}
PGBENCH_DB=${BENCH_DB_NAME:-meridian_bench}_pg
export MERIDIAN_DB_NAME=${BENCH_DB_NAME:-meridian_bench}_app
export MERIDIAN_GATEWAY_RATE_LIMIT_USER_PER_MINUTE=1000000000
export MERIDIAN_GATEWAY_RATE_LIMIT_CLIENT_PER_MINUTE=1000000000

command -v wrk >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
command -v pgbench >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-contrib >/dev/null
select_jdk
any_service_running && die "a Meridian stack is running; stop it (scripts/stop.sh) so the benchmark can start its own"

mkdir -p bench/results
report="bench/results/throughput-$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$report") 2>&1

calibration_before=$(python3 bench/proc_cpu.py calibrate)
log "machine calibration (one core, lower is faster): $calibration_before"
trap 'scripts/stop.sh >/dev/null 2>&1 || true' EXIT

measure() { # measure LABEL: a fresh database and stack, submissions, CPU per submission, reads, peak RSS
  printf '\n===== %s =====\n' "$1"
  log "machine calibration now: $(python3 bench/proc_cpu.py calibrate)"
  log "preparing a fresh database $MERIDIAN_DB_NAME"
  bootstrap_database "$MERIDIAN_DB_NAME" --recreate
  "$stack_root/scripts/run.sh" --detach >/dev/null

  gateway="http://127.0.0.1:$MERIDIAN_GATEWAY_PORT"
  patients=$(mktemp)
  log "registering a clinic and 500 patients in intake"
  python3 bench/patients.py "$gateway" 500 >"$patients"
  clinic=$(head -1 "$patients")
  sed -i 1d "$patients"
  token=$(scripts/token.sh practitioner --clinic "$clinic" --ttl 7200 --sub bench-practitioner)
  direct="http://127.0.0.1:$MERIDIAN_OUTCOMES_PORT"

  field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

  run_wrk() { # run_wrk URL CONNECTIONS SECONDS -> RESULT line
    wrk -t2 -c"$2" -d"$3"s --latency -s bench/submissions.lua "$1" -- "$clinic" "$token" "$patients" | grep '^RESULT'
  }

  # Time to steady state: the first submissions after start-up, through the gateway in 1 s slices (16 connections);
  # steady is the median of the last 5 slices, and warm the first slice at 90 % of it or more.
  log "warming up: submissions per second through the gateway from the first one after start-up, then 10 s direct"
  curve=()
  for _ in $(seq 1 "${BENCH_WARMUP_SECONDS:-20}"); do
    curve+=("$(field rps "$(run_wrk "$gateway" 16 1)")")
  done
  python3 -c '
import statistics, sys
rates = [float(r) for r in sys.argv[1:]]
steady = statistics.median(rates[-5:])
warm = next(i for i, r in enumerate(rates, 1) if r >= 0.9 * steady)
print("warm-up through the gateway, rps each second:", " ".join(f"{r:.0f}" for r in rates))
print(f"time to steady state: {warm} s (first second at 90 % or more of the last 5 s median, {steady:.0f} rps)")
' "${curve[@]}"
  run_wrk "$direct" 16 10 >/dev/null

  # pgbench inserts the row Meridian stores, twice: into the table as V2 created it (the figure this issue started from)
  # and into the table as all of outcomes' migrations left it (10 indexes, the episode-outcome trigger): the same work
  # Meridian's insert does. Each in a database of its own, so that Meridian's table is not changed by them.
  log "preparing ${PGBENCH_DB} (the table as V2 created it) and ${PGBENCH_DB}_full (as all migrations left it)"
  for db in "$PGBENCH_DB" "${PGBENCH_DB}_full"; do
    admin_psql postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  done
  admin_psql "$PGBENCH_DB" -c "CREATE SCHEMA outcomes" -c "SET search_path = outcomes" \
    -f outcomes-service/src/main/resources/db/migration/V2__assessment.sql
  admin_tool pg_dump --schema-only --schema=outcomes --no-owner --no-privileges "$MERIDIAN_DB_NAME" \
    | admin_psql "${PGBENCH_DB}_full" >/dev/null

  pgbench_tps() { # pgbench_tps DATABASE CLIENTS SECONDS
    cp bench/insert-assessment.sql /tmp/meridian-insert-assessment.sql && chmod 644 /tmp/meridian-insert-assessment.sql
    admin_tool pgbench -n -c "$2" -j 2 -T "$3" -f /tmp/meridian-insert-assessment.sql "$1" 2>/dev/null \
      | awk '/^tps/ {print $3; exit}'
  }

  # CPU per request, from /proc (bench/proc_cpu.py): the stable figure across machines and days, where rates are not.
  processes="gateway=$(cat "$(pid_file gateway)") outcomes=$(cat "$(pid_file outcomes-service)") intake=$(cat "$(pid_file intake-service)")"
  measured_wrk() { # measured_wrk URL CONNECTIONS SECONDS -> the RESULT line and "cpu_ms <name>=<ms per request> ..."
    local before after result
    # shellcheck disable=SC2086
    before=$(python3 bench/proc_cpu.py snapshot "$MERIDIAN_DB_NAME" $processes)
    result=$(run_wrk "$@")
    # shellcheck disable=SC2086
    after=$(python3 bench/proc_cpu.py snapshot "$MERIDIAN_DB_NAME" $processes)
    echo "$result cpu_ms $(python3 bench/proc_cpu.py per-request "$before" "$after" "$(field requests "$result")")"
  }
  cpu_rows=()

  printf '\n%-6s | %-44s | %-44s | %-21s | %-13s | %-9s\n' "conns" "gateway: rps  p50 ms  p99 ms  non-2xx" \
    "direct: rps  p50 ms  p99 ms  non-2xx" "pg tps: V2 / full" "gw/pg: V2 / full" "gw/direct"
  for c in $CONCURRENCY; do
    g=$(measured_wrk "$gateway" "$c" "$DURATION")
    d=$(measured_wrk "$direct" "$c" "$DURATION")
    cpu_rows+=("$(printf '%-6s | %8s %8s %8s %8s %8s | %8s %8s %8s %8s | %8s %8s' "$c" \
      "$(field gateway "$g")" "$(field outcomes "$g")" "$(field intake "$g")" "$(field postgres "$g")" "$(field all "$g")" \
      "$(field outcomes "$d")" "$(field intake "$d")" "$(field postgres "$d")" "$(field all "$d")" \
      "$(field gateway_jit "$g")" "$(field outcomes_jit "$g")")")
    p=$(pgbench_tps "$PGBENCH_DB" "$c" "$DURATION" | xargs printf "%.0f")
    pf=$(pgbench_tps "${PGBENCH_DB}_full" "$c" "$DURATION" | xargs printf "%.0f")
    grps=$(field rps "$g"); drps=$(field rps "$d")
    printf '%-6s | %8s %8s %8s %8s          | %8s %8s %8s %8s          | %10s %10s | %6s %6s | %-9s\n' "$c" \
      "$grps" "$(field p50_ms "$g")" "$(field p99_ms "$g")" "$(field non2xx "$g")" \
      "$drps" "$(field p50_ms "$d")" "$(field p99_ms "$d")" "$(field non2xx "$d")" \
      "$p" "$pf" "$(python3 -c "print(f'{$grps/$p:.2f}')")" "$(python3 -c "print(f'{$grps/$pf:.2f}')")" \
      "$(python3 -c "print(f'{$grps/$drps:.2f}')")"
  done

  printf '\nCPU milliseconds per submission (user + system, from /proc; postgres = the backends of %s)\n' "$MERIDIAN_DB_NAME"
  printf '%-6s | %-44s | %-35s | %s\n' "conns" "through the gateway: gateway outcomes intake postgres  all" \
    "direct: outcomes intake postgres  all" "of it JIT compiling: gateway outcomes"
  printf '%s\n' "${cpu_rows[@]}"

  echo
  log "rows stored by Meridian: $(admin_psql "$MERIDIAN_DB_NAME" -tAc 'select count(*) from outcomes.assessment')"

  # Reads: the trajectory of the patient with the most answers of one instrument (the chart an app or clinician opens).
  read -r patient instrument answers < <(admin_psql "$MERIDIAN_DB_NAME" -tA -F ' ' -c "
    SELECT pseudonym_id, instrument_code, count(*) FROM outcomes.assessment WHERE clinic_id = '$clinic'
     GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 1")
  trajectory="/api/v1/outcomes/clinics/$clinic/patients/$patient/trajectory?instrument=$instrument"
  # the read path has its own code to compile: without this, the first point measures the JIT (2-4x lower)
  for url in "$gateway" "$direct"; do
    wrk -t2 -c16 -d10s -s bench/trajectory.lua "$url" -- "$trajectory" "$token" >/dev/null
  done
  printf '\n%-6s | %-44s | %-44s   (trajectory of %s answers)\n' "conns" "gateway: rps  p50 ms  p99 ms  non-2xx" \
    "direct: rps  p50 ms  p99 ms  non-2xx" "$answers"
  for c in $CONCURRENCY; do
    g=$(wrk -t2 -c"$c" -d"$DURATION"s --latency -s bench/trajectory.lua "$gateway" -- "$trajectory" "$token" | grep '^RESULT')
    d=$(wrk -t2 -c"$c" -d"$DURATION"s --latency -s bench/trajectory.lua "$direct" -- "$trajectory" "$token" | grep '^RESULT')
    printf '%-6s | %8s %8s %8s %8s          | %8s %8s %8s %8s\n' "$c" \
      "$(field rps "$g")" "$(field p50_ms "$g")" "$(field p99_ms "$g")" "$(field non2xx "$g")" \
      "$(field rps "$d")" "$(field p50_ms "$d")" "$(field p99_ms "$d")" "$(field non2xx "$d")"
  done
  echo
  for service in intake-service outcomes-service gateway; do
    pid=$(cat "$(pid_file "$service")")
    echo "$service peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$pid/status"); JVM: $(tr '\0' ' ' <"/proc/$pid/cmdline" | grep -o -- ' -X[^ ]*' | tr -d '\n')"
  done
  "$stack_root/scripts/stop.sh" >/dev/null 2>&1
}

# The run directory (pid files, keys, logs) is shared by both halves, so that this script finds what either started.
export MERIDIAN_RUN_DIR=${MERIDIAN_RUN_DIR:-$MERIDIAN_ROOT/.run}
stack_root=$MERIDIAN_ROOT
if [ -n "${BENCH_BEFORE_REF:-}" ]; then
  before_tree=$(mktemp -d /tmp/meridian-before.XXXXXX)
  trap 'scripts/stop.sh >/dev/null 2>&1 || true; git -C "$MERIDIAN_ROOT" worktree remove --force "$before_tree" >/dev/null 2>&1 || true' EXIT
  log "building $BENCH_BEFORE_REF ($(git log -1 --format='%h %cs %s' "$BENCH_BEFORE_REF" | cut -c1-80)) in $before_tree"
  git worktree add --detach "$before_tree" "$BENCH_BEFORE_REF" >/dev/null 2>&1
  (cd "$before_tree" && ./mvnw -B -ntp -q package -DskipTests >/dev/null)
  (stack_root=$before_tree; export MERIDIAN_AOT_CACHE=off BENCH_RETRY_502=3; measure "before: $BENCH_BEFORE_REF, as its scripts ran it")
  measure "after: $(git log -1 --format=%h) and the run scripts' defaults"
elif [ -n "${BENCH_BEFORE_JAVA_OPTS:-}" ]; then
  (export MERIDIAN_AOT_CACHE=off MERIDIAN_JAVA_OPTS="$BENCH_BEFORE_JAVA_OPTS"; measure "before: no AOT cache, $BENCH_BEFORE_JAVA_OPTS")
  measure "after: the run scripts' defaults"
else
  measure "the run scripts' defaults"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB; services on $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(psql --version)"
echo "calibration (one core, lower is faster): before $calibration_before, after $(python3 bench/proc_cpu.py calibrate)"
log "report saved to $report"
