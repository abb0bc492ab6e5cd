#!/usr/bin/env bash
# Research aggregates and export at scale: a synthetic data set (BENCH_PATIENTS patients, 100 000 by default, one
# episode each, 10 assessments each = 1 million assessments, ~750 000 sessions) inserted with generate_series straight
# into the outcomes schema of its own database (meridian_bench_research), then outcomes-service started from
# outcomes-service/target/quarkus-app (build it first: ./mvnw -pl outcomes-service package -DskipTests), several
# aggregate calls timed (p50/max over BENCH_REPEAT calls each) and one full CSV export (rows/s, and the JVM's peak RSS,
# VmHWM; the JVM runs with BENCH_JAVA_OPTS, -Xmx256m by default, to show the export needs no more). Results:
# printed, and saved under bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/db.sh
source scripts/lib/keys.sh

PATIENTS=${BENCH_PATIENTS:-100000}
REPEAT=${BENCH_REPEAT:-7}
PORT=${BENCH_PORT:-18092}
DB=meridian_bench_research
JAR=outcomes-service/target/quarkus-app/quarkus-run.jar

[ -f "$JAR" ] || die "$JAR is missing: ./mvnw -pl outcomes-service package -DskipTests"
select_jdk
ensure_dev_keys
mkdir -p bench/results
report="bench/results/research-$(date -u +%Y%m%dT%H%M%SZ).txt"
exec > >(tee "$report") 2>&1

log "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM; $(psql --version)"
# BENCH_REUSE_DATA=1 keeps the database of the previous run (only the timings are repeated).
[ "${BENCH_REUSE_DATA:-0}" = 1 ] || bootstrap_database "$DB" --recreate
export PGPASSWORD=$MERIDIAN_DB_OUTCOMES_PASSWORD
q() { psql -X -q -v ON_ERROR_STOP=1 -h "$MERIDIAN_DB_HOST" -p "$MERIDIAN_DB_PORT" -U "$MERIDIAN_DB_OUTCOMES_USER" -d "$DB" "$@"; }

pid=""
stop_service() { if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi; }
trap stop_service EXIT
log "starting outcomes-service on :$PORT (migrations run at start)"
QUARKUS_DATASOURCE_JDBC_URL=$(jdbc_url "$DB") MERIDIAN_OUTCOMES_PORT=$PORT MERIDIAN_OUTCOMES_MANAGEMENT_PORT=$((PORT + 1000)) \
  MERIDIAN_INTAKE_POLL_EVERY=off \
  MERIDIAN_RESEARCH_PSEUDONYM_SECRET=bench-research-secret QUARKUS_LOG_LEVEL=WARN \
  "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xmx256m} -jar "$JAR" >"bench/results/research-service.log" 2>&1 &
pid=$!
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$((PORT + 1000))/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || die "outcomes-service exited: see bench/results/research-service.log"
  sleep 1
done

start=$(date +%s)
if [ "${BENCH_REUSE_DATA:-0}" != 1 ]; then
log "inserting $PATIENTS patients, episodes, sessions and $((PATIENTS * 10)) assessments"
start=$(date +%s)
q -v patients="$PATIENTS" <<'SQL'
SET search_path = outcomes;
INSERT INTO projected_patient (pseudonym_id, clinic_id, birth_year, age_band, sex, pain_sites, chronicity,
                               research_consent, consent_version, consent_changed_at, updated_at)
SELECT md5('p' || g)::uuid, md5('c' || (g % 20))::uuid, 1950 + g % 50,
       (ARRAY['18-29','30-39','40-49','50-59','60-69','70-79'])[1 + g % 6], (ARRAY['FEMALE','MALE'])[1 + g % 2],
       (ARRAY['LOW_BACK','LOW_BACK,SCIATICA_LEFT','LOW_BACK,SCIATICA_RIGHT'])[1 + g % 3],
       (ARRAY['NOT_CHRONIC','NOT_CHRONIC','CHRONIC'])[1 + (g / 7) % 3], g % 10 <> 0, 'research-v1', now(), now()
  FROM generate_series(1, :patients) g;
INSERT INTO projected_episode (episode_id, pseudonym_id, clinic_id, start_date, planned_sessions, status, updated_at)
SELECT md5('e' || g)::uuid, md5('p' || g)::uuid, md5('c' || (g % 20))::uuid, date '2024-01-01' + g % 700, 12, 'ACTIVE', now()
  FROM generate_series(1, :patients) g;
INSERT INTO projected_session (session_id, episode_id, pseudonym_id, clinic_id, session_number, started_at, cancelled, updated_at)
SELECT md5('s' || g || '-' || n)::uuid, md5('e' || g)::uuid, md5('p' || g)::uuid, md5('c' || (g % 20))::uuid, n,
       (date '2024-01-01' + g % 700 + 4 * (n - 1)) + time '10:00', false, now()
  FROM generate_series(1, :patients) g, generate_series(1, 1 + g % 14) n;
-- 10 per patient: ODI baseline, 4-week and 12-week follow-up; NRS back pain baseline, 4 pre-session, 1 post-session,
-- 12-week follow-up. Every fifth ODI has one section missing, so its score is a fraction (20 x sum / 9).
INSERT INTO assessment (id, clinic_id, pseudonym_id, instrument_code, instrument_version, policy_id, recall_period,
                        timepoint, episode_id, session_id, follow_up_weeks, answered_at, received_at, updated_at, status,
                        answers, items_missing, score_exact, score_value, late, link_status)
SELECT md5('a' || g || '-' || k)::uuid, md5('c' || (g % 20))::uuid, md5('p' || g)::uuid, x.code,
       CASE WHEN x.code = 'ODI' THEN '2.1a' ELSE '1.0' END, 'bench', 'PAST_WEEK', x.timepoint, md5('e' || g)::uuid,
       CASE WHEN x.timepoint IN ('PRE_SESSION', 'POST_SESSION') THEN md5('s' || g || '-' || x.session)::uuid END,
       x.weeks, x.at, x.at + interval '1 minute', x.at + interval '1 minute', 'SCORED', '{}'::jsonb, '[]'::jsonb,
       CASE WHEN x.code = 'ODI' AND g % 5 = 0 THEN (20 * x.raw) || '/9' ELSE x.raw::text END,
       CASE WHEN x.code = 'ODI' AND g % 5 = 0 THEN round(20 * x.raw / 9.0, 20) ELSE x.raw END, false, 'LINKED'
  FROM generate_series(1, :patients) g
  CROSS JOIN generate_series(0, 9) k
  CROSS JOIN LATERAL (
      SELECT 10 + g % 30 AS odi, greatest(0, 10 + g % 30 - (g * 7) % 15 + 3) AS odi12, 3 + g % 8 AS nrs,
             (date '2024-01-01' + g % 700) + time '09:00' AS day0) s
  CROSS JOIN LATERAL (
      SELECT CASE WHEN k IN (0, 7, 8) THEN 'ODI' ELSE 'NRS_BACK_PAIN' END AS code,
             CASE k WHEN 0 THEN 'BASELINE' WHEN 1 THEN 'BASELINE' WHEN 6 THEN 'POST_SESSION'
                    WHEN 7 THEN 'FOLLOW_UP' WHEN 8 THEN 'FOLLOW_UP' WHEN 9 THEN 'FOLLOW_UP' ELSE 'PRE_SESSION' END AS timepoint,
             CASE WHEN k BETWEEN 2 AND 5 THEN k - 1 WHEN k = 6 THEN 1 END AS session,
             CASE k WHEN 7 THEN 4 WHEN 8 THEN 12 WHEN 9 THEN 12 END AS weeks,
             s.day0 + CASE k WHEN 0 THEN -1 WHEN 1 THEN -1 WHEN 7 THEN 28 WHEN 8 THEN 84 WHEN 9 THEN 84
                             WHEN 6 THEN 0 ELSE 4 * (k - 2) END * interval '1 day' + k * interval '1 minute' AS at,
             CASE k WHEN 0 THEN 2 * s.odi WHEN 7 THEN s.odi + s.odi12 WHEN 8 THEN 2 * s.odi12
                    WHEN 1 THEN s.nrs WHEN 9 THEN greatest(0, s.nrs - g % 6) WHEN 6 THEN greatest(0, s.nrs - 2)
                    ELSE greatest(0, s.nrs - (k - 2) * (g % 3) / 2) END AS raw) x;
SQL
# what autovacuum would soon do after a bulk load: statistics for the planner, and the visibility map that lets
# aggregates read episode_outcome from its index alone
q -c "VACUUM ANALYZE outcomes.projected_patient, outcomes.projected_episode, outcomes.projected_session, outcomes.assessment, outcomes.episode_outcome"
fi
log "data ready in $(( $(date +%s) - start )) s: $(q -tA -c 'SELECT count(*) FROM outcomes.assessment') assessments, $(q -tA -c 'SELECT count(*) FROM outcomes.projected_session') sessions"

token=$(scripts/token.sh researcher,research-export --ttl 7200 --sub bench-researcher)
base="http://127.0.0.1:$PORT/api/v1/outcomes/research"

time_calls() { # time_calls LABEL QUERY
  local label=$1 query=$2 times=() status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/aggregates?$query")
  [ "$status" = 200 ] || die "$label: HTTP $status"
  for _ in $(seq "$REPEAT"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$base/aggregates?$query")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { t[NR] = $1 * 1000 } END { printf "  %-58s p50 %6.0f ms   max %6.0f ms  (%d calls after 1 warm-up)\n", label, t[int((NR + 1) / 2)], t[NR], NR }'
}

log "aggregates (stored pairs; the date-range query pairs the assessments at query time)"
time_calls "ODI, all patients, latest follow-up" "instrument=ODI"
time_calls "ODI at 12 weeks by clinic (20 groups)" "instrument=ODI&followUpWeeks=12&groupBy=CLINIC"
time_calls "NRS back pain, chronic, by age band and sex" "instrument=NRS_BACK_PAIN&chronicity=CHRONIC&groupBy=AGE_BAND,SEX"
time_calls "ODI 12 w, sciatica left, >= 4 sessions, by chronicity" "instrument=ODI&followUpWeeks=12&painSite=SCIATICA_LEFT&minSessions=4&groupBy=CHRONICITY"
time_calls "NRS back pain, one clinic, 2024 only" "instrument=NRS_BACK_PAIN&clinicId=$(q -tA -c "SELECT md5('c1')::uuid")&from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z"
# small cells, so that the suppression audit has work: patients whose episodes started in two weeks of March 2024
# (pairs from the baseline to the last pre-session answer within the range): ~140 of one clinic by sex and age band
# (three groups of ~48, dose bands of a few patients each), then ~2 900 by clinic and sex (882 cells)
time_calls "NRS, one clinic, 2 weeks of starts, by sex, age band" "instrument=NRS_BACK_PAIN&clinicId=$(q -tA -c "SELECT md5('c7')::uuid")&from=2024-03-01T00:00:00Z&to=2024-03-15T00:00:00Z&groupBy=SEX,AGE_BAND"
time_calls "NRS, 2 weeks of starts, by clinic, sex" "instrument=NRS_BACK_PAIN&from=2024-03-01T00:00:00Z&to=2024-03-15T00:00:00Z&groupBy=CLINIC,SEX"

rss_before=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
log "full CSV export (JVM RSS before: $((rss_before / 1024)) MB)"
start_ns=$(date +%s%N)
rows=$(curl -sf -H "Authorization: Bearer $token" "$base/exports/assessments?format=csv&project=bench" | wc -l)
elapsed_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
rows=$((rows - 1))
hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
rss_after=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
printf '  export: %d rows in %d ms = %d rows/s; JVM peak RSS (VmHWM) %d MB, RSS after %d MB\n' \
  "$rows" "$elapsed_ms" "$(( rows * 1000 / (elapsed_ms > 0 ? elapsed_ms : 1) ))" "$((hwm / 1024))" "$((rss_after / 1024))"
log "report saved to $report"
