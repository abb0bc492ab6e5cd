# A real Keycloak for the local stack, without Docker (scripts/run.sh --keycloak). Source after common.sh, db.sh and
# keys.sh. The server distribution (org.keycloak:keycloak-quarkus-dist, zip) is fetched once with the Maven wrapper
# into .run/cache/keycloak and built once for PostgreSQL; each stack (MERIDIAN_RUN_DIR) runs it from a hard-linked
# copy of its own under $MERIDIAN_RUN_DIR/keycloak, so its data/import directory (the realm) is its own.
# Keycloak keeps everything in a database of its own on the same PostgreSQL and listens on loopback only.

: "${MERIDIAN_KEYCLOAK_VERSION:=26.4.7}"
: "${MERIDIAN_KEYCLOAK_PORT:=8180}"
: "${MERIDIAN_KEYCLOAK_MANAGEMENT_PORT:=$((MERIDIAN_KEYCLOAK_PORT + 1000))}"
# The address clients use; the issuer (iss) of every token is <this>/realms/<realm>.
: "${MERIDIAN_KEYCLOAK_URL:=http://localhost:$MERIDIAN_KEYCLOAK_PORT}"
: "${MERIDIAN_KEYCLOAK_REALM:=meridian}"
: "${MERIDIAN_KEYCLOAK_DB_NAME:=${MERIDIAN_DB_NAME}_keycloak}"
: "${MERIDIAN_DB_KEYCLOAK_USER:=keycloak_svc}"
: "${MERIDIAN_DB_KEYCLOAK_PASSWORD:=keycloak_svc}"
: "${MERIDIAN_KEYCLOAK_HEAP:=-Xms64m -Xmx512m}"
: "${MERIDIAN_KEYCLOAK_CACHE_DIR:=$MERIDIAN_ROOT/.run/cache/keycloak}"
# The master realm's bootstrap service account that scripts use for Keycloak's admin REST API.
: "${MERIDIAN_KEYCLOAK_ADMIN_CLIENT_ID:=meridian-admin}"
MERIDIAN_KEYCLOAK_ENV_FILE="$MERIDIAN_RUN_DIR/keycloak.env"
# Options that `kc.sh build` bakes into the server (start --optimized then skips the build at every start).
KEYCLOAK_BUILD_OPTIONS=(--db=postgres --health-enabled=true)

keycloak_home() { echo "$MERIDIAN_KEYCLOAK_CACHE_DIR/keycloak-$MERIDIAN_KEYCLOAK_VERSION"; }
keycloak_instance_dir() { echo "$MERIDIAN_RUN_DIR/keycloak"; }
keycloak_pid_file() { echo "$MERIDIAN_RUN_DIR/keycloak.pid"; }
keycloak_issuer() { echo "$MERIDIAN_KEYCLOAK_URL/realms/$MERIDIAN_KEYCLOAK_REALM"; }
# The services fetch the signing keys over loopback, whatever name clients use.
keycloak_jwks_url() { echo "http://127.0.0.1:$MERIDIAN_KEYCLOAK_PORT/realms/$MERIDIAN_KEYCLOAK_REALM/protocol/openid-connect/certs"; }

keycloak_running() {
  local file; file=$(keycloak_pid_file)
  [ -f "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null
}

# Fetches the distribution with the Maven wrapper (never by hand) and builds it for PostgreSQL, once; both steps are
# skipped when already done. Holds a lock so that two stacks starting at once do not unpack or build over each other.
ensure_keycloak_dist() {
  local home zip stamp wanted
  home=$(keycloak_home)
  mkdir -p "$MERIDIAN_KEYCLOAK_CACHE_DIR"
  exec 8>"$MERIDIAN_KEYCLOAK_CACHE_DIR/.lock"
  flock 8
  if [ ! -x "$home/bin/kc.sh" ]; then
    command -v unzip >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null
    log "fetching Keycloak $MERIDIAN_KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist, zip) with the Maven wrapper"
    (cd "$MERIDIAN_ROOT" && ./mvnw -B -ntp -q dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$MERIDIAN_KEYCLOAK_VERSION:zip" \
      -DoutputDirectory="$MERIDIAN_KEYCLOAK_CACHE_DIR") || { flock -u 8; die "could not fetch Keycloak with Maven"; }
    zip="$MERIDIAN_KEYCLOAK_CACHE_DIR/keycloak-quarkus-dist-$MERIDIAN_KEYCLOAK_VERSION.zip"
    rm -rf "$home" "$MERIDIAN_KEYCLOAK_CACHE_DIR/unpack"
    unzip -q "$zip" -d "$MERIDIAN_KEYCLOAK_CACHE_DIR/unpack"
    mv "$MERIDIAN_KEYCLOAK_CACHE_DIR/unpack/keycloak-$MERIDIAN_KEYCLOAK_VERSION" "$home"
    rm -rf "$MERIDIAN_KEYCLOAK_CACHE_DIR/unpack" "$zip"  # the local Maven repository keeps the zip
  fi
  install_keycloak_providers "$home" || { flock -u 8; die "could not build the Keycloak provider jar (keycloak-smart-launch)"; }
  stamp="$home/lib/quarkus/meridian-build-options"
  # The build bakes providers in too: a changed provider jar means building again.
  wanted="${KEYCLOAK_BUILD_OPTIONS[*]} providers:$(cd "$home/providers" && sha256sum ./*.jar 2>/dev/null | sha256sum | cut -c1-16)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    log "building Keycloak for PostgreSQL (kc.sh build $wanted; once, about 30 s)"
    if ! "$home/bin/kc.sh" build "${KEYCLOAK_BUILD_OPTIONS[@]}" >"$MERIDIAN_KEYCLOAK_CACHE_DIR/build.log" 2>&1; then
      flock -u 8
      tail -n 20 "$MERIDIAN_KEYCLOAK_CACHE_DIR/build.log" >&2
      die "kc.sh build failed (log: $MERIDIAN_KEYCLOAK_CACHE_DIR/build.log)"
    fi
    echo "$wanted" >"$stamp"
  fi
  flock -u 8
}

# Meridian's provider jar (keycloak-smart-launch: the SMART EHR launch's patient claim, docs/security.md), built with
# the Maven wrapper and copied into the distribution's providers/ (every stack's copy hard-links it). The jar is
# reproducible, so an unchanged mapper leaves the jar, and the build, as they were.
install_keycloak_providers() {
  local home=$1 jar
  # Compiled against the Keycloak it goes into.
  (cd "$MERIDIAN_ROOT" && ./mvnw -B -ntp -q -pl keycloak-smart-launch package -DskipTests \
    -Dkeycloak.version="$MERIDIAN_KEYCLOAK_VERSION") >&2 || return 1
  jar=$(ls "$MERIDIAN_ROOT"/keycloak-smart-launch/target/keycloak-smart-launch-*.jar | head -n 1)
  if ! cmp -s "$jar" "$home/providers/meridian-smart-launch.jar"; then
    log "installing the SMART launch mapper into Keycloak's providers/"
    cp "$jar" "$home/providers/meridian-smart-launch.jar"
  fi
}

# Keycloak's database and login role (scripts/sql/keycloak.sql), next to Meridian's. Idempotent.
bootstrap_keycloak_database() {
  local recreate=${1:-}
  ensure_postgres_running
  [ -n "$ADMIN_MODE" ] || detect_admin_access
  if [ "$recreate" = "--recreate" ]; then
    log "recreating database $MERIDIAN_KEYCLOAK_DB_NAME"
    admin_psql postgres -c "DROP DATABASE IF EXISTS \"$MERIDIAN_KEYCLOAK_DB_NAME\" WITH (FORCE)"
  fi
  admin_psql postgres -v keycloak_user="$MERIDIAN_DB_KEYCLOAK_USER" -v keycloak_password="$MERIDIAN_DB_KEYCLOAK_PASSWORD" \
    -v keycloak_db="$MERIDIAN_KEYCLOAK_DB_NAME" -f "$MERIDIAN_ROOT/scripts/sql/keycloak.sql"
  log "database $MERIDIAN_KEYCLOAK_DB_NAME ready for Keycloak"
}

# Secrets Keycloak is started with, made once per keys directory: the bootstrap admin's (service account and
# console user) and the meridian-outcomes client's (read by the realm file's ${MERIDIAN_OUTCOMES_CLIENT_SECRET}).
ensure_keycloak_secrets() {
  local name
  mkdir -p "$MERIDIAN_KEYS_DIR"
  chmod 700 "$MERIDIAN_KEYS_DIR"
  for name in keycloak-admin-client-secret keycloak-admin-password keycloak-outcomes-client-secret; do
    if [ ! -f "$MERIDIAN_KEYS_DIR/$name" ]; then
      openssl rand -hex 24 >"$MERIDIAN_KEYS_DIR/$name"
      chmod 600 "$MERIDIAN_KEYS_DIR/$name"
    fi
  done
  export MERIDIAN_OUTCOMES_CLIENT_SECRET="${MERIDIAN_OUTCOMES_CLIENT_SECRET:-$(cat "$MERIDIAN_KEYS_DIR/keycloak-outcomes-client-secret")}"
}

# This stack's copy of the distribution: hard links to the cached build (refreshed at every start) and a data
# directory of its own, whose import/ holds the realm file that --import-realm reads at the first start.
prepare_keycloak_instance() {
  local instance home part
  instance=$(keycloak_instance_dir)
  home=$(keycloak_home)
  mkdir -p "$instance/data/import"
  for part in bin conf lib providers themes version.txt; do
    rm -rf "${instance:?}/$part"
    cp -al "$home/$part" "$instance/$part" 2>/dev/null || cp -a "$home/$part" "$instance/$part"
  done
  cp "$MERIDIAN_ROOT/deploy/keycloak/meridian-realm.json" "$instance/data/import/meridian-realm.json"
}

start_keycloak() {
  local instance log_file="$MERIDIAN_RUN_DIR/logs/keycloak.log" port
  for port in "$MERIDIAN_KEYCLOAK_PORT" "$MERIDIAN_KEYCLOAK_MANAGEMENT_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port is already in use; free it or set MERIDIAN_KEYCLOAK_PORT / MERIDIAN_KEYCLOAK_MANAGEMENT_PORT (see docs/configuration.md)"
    fi
  done
  ensure_keycloak_dist
  ensure_keycloak_secrets
  prepare_keycloak_instance
  instance=$(keycloak_instance_dir)
  mkdir -p "$MERIDIAN_RUN_DIR/logs"
  log "starting Keycloak $MERIDIAN_KEYCLOAK_VERSION on $MERIDIAN_KEYCLOAK_URL (realm $MERIDIAN_KEYCLOAK_REALM, database $MERIDIAN_KEYCLOAK_DB_NAME; log: $log_file)"
  printf '\n===== %s starting keycloak =====\n' "$(date -u +%FT%TZ)" >>"$log_file"
  # Secrets go through the environment, not the command line (ps shows the command line to every user).
  KC_DB_PASSWORD="$MERIDIAN_DB_KEYCLOAK_PASSWORD" \
  KC_BOOTSTRAP_ADMIN_CLIENT_ID="$MERIDIAN_KEYCLOAK_ADMIN_CLIENT_ID" \
  KC_BOOTSTRAP_ADMIN_CLIENT_SECRET="$(cat "$MERIDIAN_KEYS_DIR/keycloak-admin-client-secret")" \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin \
  KC_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$MERIDIAN_KEYS_DIR/keycloak-admin-password")" \
  JAVA_OPTS_KC_HEAP="$MERIDIAN_KEYCLOAK_HEAP" \
  nohup "$instance/bin/kc.sh" start --optimized --import-realm \
    --http-enabled=true --http-host=127.0.0.1 --http-port="$MERIDIAN_KEYCLOAK_PORT" \
    --http-management-port="$MERIDIAN_KEYCLOAK_MANAGEMENT_PORT" \
    --hostname="$MERIDIAN_KEYCLOAK_URL" --cache=local \
    --db-url="$(jdbc_url "$MERIDIAN_KEYCLOAK_DB_NAME")" --db-username="$MERIDIAN_DB_KEYCLOAK_USER" \
    --log-console-color=false ${MERIDIAN_KEYCLOAK_OPTS:-} >>"$log_file" 2>&1 &
  echo $! >"$(keycloak_pid_file)"
}

wait_until_keycloak_ready() {
  local i
  for i in $(seq 1 180); do
    if curl -fsS "http://127.0.0.1:$MERIDIAN_KEYCLOAK_MANAGEMENT_PORT/health/ready" 2>/dev/null | grep -q '"UP"'; then
      log "Keycloak is ready"
      return 0
    fi
    if ! keycloak_running; then
      tail -n 40 "$MERIDIAN_RUN_DIR/logs/keycloak.log" >&2 || true
      die "Keycloak exited during start-up (log above)"
    fi
    sleep 1
  done
  die "Keycloak was not ready within 180 s; see $MERIDIAN_RUN_DIR/logs/keycloak.log"
}

# The three applications trust Keycloak instead of the local key: its JWKS (keys cached, refreshed on an unknown key
# id and periodically: docs/security.md) and its issuer. outcomes-service gets its token for intake's feed there, by
# client credentials as meridian-outcomes (secret MERIDIAN_OUTCOMES_CLIENT_SECRET, from ensure_keycloak_secrets).
use_keycloak_for_tokens() {
  export MERIDIAN_JWT_PUBLIC_KEY_LOCATION
  MERIDIAN_JWT_PUBLIC_KEY_LOCATION=$(keycloak_jwks_url)
  export MERIDIAN_JWT_ISSUER
  MERIDIAN_JWT_ISSUER=$(keycloak_issuer)
  # The gateway's SMART configuration names Keycloak's endpoints (docs/security.md).
  export MERIDIAN_SMART_AUTHORIZATION_SERVER
  MERIDIAN_SMART_AUTHORIZATION_SERVER=$(keycloak_issuer)
  export MERIDIAN_OIDC_TOKEN_ENDPOINT
  MERIDIAN_OIDC_TOKEN_ENDPOINT=$(keycloak_issuer)/protocol/openid-connect/token
}

# .run/keycloak.env: what scripts and outside checks need to reach this Keycloak. Lines for the demo's EHR client are
# added by scripts/demo/keycloak.sh.
write_keycloak_env() {
  (umask 077; cat >"$MERIDIAN_KEYCLOAK_ENV_FILE") <<ENV
export MERIDIAN_KEYCLOAK_URL=$MERIDIAN_KEYCLOAK_URL
export MERIDIAN_KEYCLOAK_REALM=$MERIDIAN_KEYCLOAK_REALM
export MERIDIAN_KEYCLOAK_ISSUER=$(keycloak_issuer)
export MERIDIAN_KEYCLOAK_TOKEN_ENDPOINT=$(keycloak_issuer)/protocol/openid-connect/token
export MERIDIAN_KEYCLOAK_JWKS_URL=$(keycloak_jwks_url)
export MERIDIAN_KEYCLOAK_ADMIN_CLIENT_ID=$MERIDIAN_KEYCLOAK_ADMIN_CLIENT_ID
export MERIDIAN_KEYCLOAK_ADMIN_CLIENT_SECRET_FILE=$MERIDIAN_KEYS_DIR/keycloak-admin-client-secret
export MERIDIAN_KEYCLOAK_ADMIN_PASSWORD_FILE=$MERIDIAN_KEYS_DIR/keycloak-admin-password
export MERIDIAN_GATEWAY_URL=http://localhost:$MERIDIAN_GATEWAY_PORT
ENV
}

stop_keycloak() {
  local file pid i
  file=$(keycloak_pid_file)
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping Keycloak (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true  # kc.sh passes it on to the server's JVM and waits for it
    for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      log "Keycloak did not stop in 30 s; killing it"
      pkill -KILL -P "$pid" 2>/dev/null || true
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$file"
}
