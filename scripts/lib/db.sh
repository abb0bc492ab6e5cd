# Database bootstrap: makes sure a PostgreSQL is reachable and holds Meridian's database, roles and schemas.
# Source after common.sh. Idempotent; works as root (CI) and as an ordinary user.

is_local_db() { case "$MERIDIAN_DB_HOST" in 127.0.0.1|localhost|::1) return 0;; *) return 1;; esac; }

pg_ready() { pg_isready -q -h "$MERIDIAN_DB_HOST" -p "$MERIDIAN_DB_PORT" -t 2 >/dev/null 2>&1; }

install_postgres() {
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and this is not a Debian/Ubuntu machine: install PostgreSQL 15+ or set MERIDIAN_DB_HOST."
  log "PostgreSQL is not installed: installing it from Debian packages"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-client >/dev/null
}

start_local_postgres() {
  command -v pg_lsclusters >/dev/null 2>&1 || install_postgres
  local version
  version=$(pg_lsclusters -h 2>/dev/null | awk -v port="$MERIDIAN_DB_PORT" '$3 == port {print $1; exit}')
  if [ -z "$version" ]; then
    version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
    [ -n "$version" ] || die "PostgreSQL is installed but has no cluster: create one with pg_createcluster."
  fi
  log "starting PostgreSQL $version (cluster main)"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
}

ensure_postgres_running() {
  if pg_ready; then return 0; fi
  if is_local_db; then start_local_postgres; else log "waiting for PostgreSQL at $MERIDIAN_DB_HOST:$MERIDIAN_DB_PORT"; fi
  local i
  for i in $(seq 1 60); do pg_ready && return 0; sleep 1; done
  die "PostgreSQL at $MERIDIAN_DB_HOST:$MERIDIAN_DB_PORT did not become ready within 60 s"
}

# How we reach PostgreSQL as an administrator: over TCP with MERIDIAN_DB_ADMIN_* (trust or password),
# else through the local socket as the postgres OS user (peer authentication on a fresh Debian install).
ADMIN_MODE=""
detect_admin_access() {
  if PGPASSWORD="$MERIDIAN_DB_ADMIN_PASSWORD" psql -X -q -h "$MERIDIAN_DB_HOST" -p "$MERIDIAN_DB_PORT" \
       -U "$MERIDIAN_DB_ADMIN_USER" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    ADMIN_MODE=tcp
  elif is_local_db && [ "$(id -u)" -eq 0 ] && runuser -u postgres -- psql -X -q -p "$MERIDIAN_DB_PORT" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    ADMIN_MODE=runuser
  elif is_local_db && command -v sudo >/dev/null 2>&1 && sudo -n -u postgres psql -X -q -p "$MERIDIAN_DB_PORT" -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    ADMIN_MODE=sudo
  else
    die "cannot connect to PostgreSQL as an administrator: set MERIDIAN_DB_ADMIN_USER / MERIDIAN_DB_ADMIN_PASSWORD"
  fi
}

admin_psql() { # admin_psql DBNAME [psql args...]
  local db=$1; shift
  admin_tool psql -X -q -v ON_ERROR_STOP=1 -d "$db" "$@"
}

admin_tool() { # admin_tool TOOL [args...]: a PostgreSQL client (psql, pg_dump, pgbench) as the admin user
  local tool=$1; shift
  case "$ADMIN_MODE" in
    tcp) PGPASSWORD="$MERIDIAN_DB_ADMIN_PASSWORD" "$tool" -h "$MERIDIAN_DB_HOST" -p "$MERIDIAN_DB_PORT" -U "$MERIDIAN_DB_ADMIN_USER" "$@" ;;
    runuser) runuser -u postgres -- "$tool" -p "$MERIDIAN_DB_PORT" "$@" ;;
    sudo) sudo -n -u postgres "$tool" -p "$MERIDIAN_DB_PORT" "$@" ;;
    *) die "detect_admin_access was not called" ;;
  esac
}

# bootstrap_database DBNAME [--recreate]
bootstrap_database() {
  local db=$1 recreate=${2:-}
  ensure_postgres_running
  [ -n "$ADMIN_MODE" ] || detect_admin_access
  if [ "$recreate" = "--recreate" ]; then
    log "recreating database $db"
    admin_psql postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  fi
  admin_psql postgres \
    -v intake_user="$MERIDIAN_DB_INTAKE_USER" -v intake_password="$MERIDIAN_DB_INTAKE_PASSWORD" \
    -v outcomes_user="$MERIDIAN_DB_OUTCOMES_USER" -v outcomes_password="$MERIDIAN_DB_OUTCOMES_PASSWORD" \
    -v db="$db" -f "$MERIDIAN_ROOT/scripts/sql/cluster.sql"
  admin_psql "$db" \
    -v intake_user="$MERIDIAN_DB_INTAKE_USER" -v outcomes_user="$MERIDIAN_DB_OUTCOMES_USER" \
    -v db="$db" -f "$MERIDIAN_ROOT/scripts/sql/database.sql"
  log "database $db ready on $MERIDIAN_DB_HOST:$MERIDIAN_DB_PORT (schemas intake, outcomes)"
}
