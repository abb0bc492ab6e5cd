# Shared helpers for Meridian's scripts. Source it; do not run it.
# Every setting comes from the environment with a default, so compose, scripts and docs use the same names.

MERIDIAN_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

: "${MERIDIAN_DB_HOST:=127.0.0.1}"
: "${MERIDIAN_DB_PORT:=5432}"
: "${MERIDIAN_DB_NAME:=meridian}"
: "${MERIDIAN_TEST_DB_NAME:=meridian_test}"
: "${MERIDIAN_DB_ADMIN_USER:=postgres}"
: "${MERIDIAN_DB_ADMIN_PASSWORD:=}"
: "${MERIDIAN_DB_INTAKE_USER:=intake_svc}"
: "${MERIDIAN_DB_INTAKE_PASSWORD:=intake_svc}"
: "${MERIDIAN_DB_OUTCOMES_USER:=outcomes_svc}"
: "${MERIDIAN_DB_OUTCOMES_PASSWORD:=outcomes_svc}"
: "${MERIDIAN_INTAKE_PORT:=8081}"
: "${MERIDIAN_OUTCOMES_PORT:=8082}"
: "${MERIDIAN_GATEWAY_PORT:=8080}"
# Health and metrics listen on a port of their own (the management interface), by default the API port + 1000.
: "${MERIDIAN_INTAKE_MANAGEMENT_PORT:=$((MERIDIAN_INTAKE_PORT + 1000))}"
: "${MERIDIAN_OUTCOMES_MANAGEMENT_PORT:=$((MERIDIAN_OUTCOMES_PORT + 1000))}"
: "${MERIDIAN_GATEWAY_MANAGEMENT_PORT:=$((MERIDIAN_GATEWAY_PORT + 1000))}"
: "${MERIDIAN_RUN_DIR:=$MERIDIAN_ROOT/.run}"

log() { printf '[meridian] %s\n' "$*" >&2; }
die() { printf '[meridian] ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through non-interactive sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo -n "$@"
  else die "this step needs root (or passwordless sudo): $*"
  fi
}

java_major() { # prints the major version of the java binary given as $1
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# Exports JAVA_HOME pointing to a JDK 21+: the caller's JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
select_jdk() {
  local candidate best="" best_major=0 major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then export JAVA_HOME; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*/; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=${candidate%/}; best_major=$major; fi
  done
  [ -n "$best" ] || die "Meridian needs a JDK 21 or newer. None found in JAVA_HOME or /usr/lib/jvm; install one (e.g. Temurin 21/25) and set JAVA_HOME."
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

jdbc_url() { echo "jdbc:postgresql://$MERIDIAN_DB_HOST:$MERIDIAN_DB_PORT/$1"; }
