#!/usr/bin/env bash
# Start-up and footprint of each service started alone: Quarkus's "started in", the wall time until it answers ready,
# its RSS and anonymous memory once ready and at rest, and the classes loaded, BENCH_STARTS times each (default 3),
# without and then with its JDK AOT cache (trained first if missing or stale, scripts/lib/services.sh;
# BENCH_BEFORE_JAVA_OPTS: JVM options of the starts without it), with the machine's calibration (bench/proc_cpu.py),
# in one run. Its own database (BENCH_DB_NAME, default meridian_bench_startup), ports (gateway
# BENCH_PORT, default 24080, intake +1, outcomes +2, management +1000) and run directory; a developer's stack is left
# alone. Run it after a build. Results: printed, and saved under bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/db.sh
export MERIDIAN_RUN_DIR="$MERIDIAN_ROOT/.run/bench-startup-${BENCH_PORT:-24080}"
export MERIDIAN_DB_NAME=${BENCH_DB_NAME:-meridian_bench_startup}
port=${BENCH_PORT:-24080}
export MERIDIAN_GATEWAY_PORT=$port MERIDIAN_INTAKE_PORT=$((port + 1)) MERIDIAN_OUTCOMES_PORT=$((port + 2))
export MERIDIAN_GATEWAY_MANAGEMENT_PORT=$((port + 1000)) MERIDIAN_INTAKE_MANAGEMENT_PORT=$((port + 1001))
export MERIDIAN_OUTCOMES_MANAGEMENT_PORT=$((port + 1002))
source scripts/lib/services.sh
source scripts/lib/keys.sh

STARTS=${BENCH_STARTS:-3}
select_jdk
for service in intake-service outcomes-service gateway; do
  [ -f "$service/target/quarkus-app/quarkus-run.jar" ] || die "$service is not built: run ./mvnw package -DskipTests first"
done
mkdir -p bench/results "$MERIDIAN_RUN_DIR/logs"
report="bench/results/startup-$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$report") 2>&1
trap 'stop_all >/dev/null 2>&1 || true' EXIT

log "machine calibration (one core, lower is faster): $(python3 bench/proc_cpu.py calibrate)"
bootstrap_database "$MERIDIAN_DB_NAME" --recreate >/dev/null
ensure_dev_keys
train_aot_caches >/dev/null

# Anonymous memory is what the process alone holds; the rest of RSS is file-backed pages (libjvm, the jars, the part of
# the AOT cache the JVM did not rewrite when it relocated the cache at start: most of the cache is anonymous).
# "at rest": BENCH_REST_SECONDS (10) after ready, with nothing asked of it meanwhile.
printf '\n%-17s | %-9s | %-5s | %-15s | %-14s | %-8s | %-9s | %-13s | %-14s | %s\n' "service" "AOT cache" "start" "started in (s)" "ready after (s)" "RSS MiB" "anon MiB" "RSS at rest" "anon at rest" "classes"
# "before": no AOT cache, and BENCH_BEFORE_JAVA_OPTS if given (say the old "-Xmx384m -XX:+UseSerialGC");
# "after": the run scripts' defaults
caller_java_opts=${MERIDIAN_JAVA_OPTS:-}
for cache in off auto; do
export MERIDIAN_AOT_CACHE=$cache
if [ "$cache" = off ]; then export MERIDIAN_JAVA_OPTS=${BENCH_BEFORE_JAVA_OPTS:-$caller_java_opts}; else export MERIDIAN_JAVA_OPTS=$caller_java_opts; fi
for service in intake-service outcomes-service gateway; do
  port=$(service_port "$service")
  for i in $(seq 1 "$STARTS"); do
    log_file="$MERIDIAN_RUN_DIR/logs/$service.log"
    : >"$log_file"
    t0=$(date +%s.%N)
    start_service "$service" "$port" >/dev/null 2>&1
    # polled every 50 ms (run.sh's wait polls every second, too coarse to measure with)
    management=$(service_management_port "$service")
    until curl -fsS -o /dev/null "http://127.0.0.1:$management/q/health/ready" 2>/dev/null; do
      service_running "$service" || die "$service exited during start-up; see $log_file"
      sleep 0.05
    done
    ready=$(python3 -c "import time; print(f'{time.time() - $t0:.2f}')")
    pid=$(cat "$(pid_file "$service")")
    started=$(grep -o 'started in [0-9.]*s' "$log_file" | tail -n 1 | grep -o '[0-9.]*' | head -n 1)
    rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
    anon=$(awk '/^Anonymous:/ {printf "%.0f", $2/1024}' "/proc/$pid/smaps_rollup")
    sleep "${BENCH_REST_SECONDS:-10}"
    rest_rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
    rest_anon=$(awk '/^Anonymous:/ {printf "%.0f", $2/1024}' "/proc/$pid/smaps_rollup")
    classes=$("$JAVA_HOME/bin/jcmd" "$pid" PerfCounter.print 2>/dev/null | awk -F= '/java.cls.loadedClasses/ {print $2}')
    printf '%-17s | %-9s | %-5s | %-15s | %-14s | %-8s | %-9s | %-13s | %-14s | %s\n' "$service" \
      "$([ "$cache" = off ] && echo no || echo yes)" "$i" "${started:-?}" "$ready" "$rss" "$anon" "$rest_rss" "$rest_anon" \
      "${classes:-?}"
    stop_all >/dev/null 2>&1
  done
done
done
echo
[ -z "${BENCH_BEFORE_JAVA_OPTS:-}" ] || echo "without the cache: options $BENCH_BEFORE_JAVA_OPTS"
echo "machine: $(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); options: $(for s in intake-service outcomes-service gateway; do printf '%s %s; ' "$s" "$(service_java_opts "$s")"; done)"
log "report saved to $report"
