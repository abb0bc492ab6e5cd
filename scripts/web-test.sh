#!/usr/bin/env bash
# Web app tests (docs/web.md#tests): installs what they need (Debian's chromium, the app's npm packages), builds the
# app (SDK generation, type check, vite build) and runs its unit tests (vitest), starts a stack of its own with demo
# data (own database, recreated; own ports and run directory, so a developer's stack is left alone), runs the
# end-to-end checks in headless Chromium (web/e2e/run.mjs: the offline patient, the clinician, the researcher, the
# sign-in page; axe-core on every page at desktop and phone width; no Content-Security-Policy violation), always stops
# the stack, and exits non-zero on any failure. Run it after a build (scripts/test.sh or ./mvnw package).
#   --screenshots   also write a PNG of each page to docs/web/
# Environment:
#   MERIDIAN_WEB_TEST_DB_NAME   database, recreated on every run (default meridian_web_test)
#   MERIDIAN_WEB_TEST_INTAKE_PORT / _OUTCOMES_PORT / _GATEWAY_PORT   ports (default 18091 / 18092 / 18090; the
#                               management ports are these plus 1000)
#   CHROMIUM                    the browser (default /usr/bin/chromium, installed with apt when missing)
set -euo pipefail
screenshots=false
for arg in "$@"; do
  case "$arg" in
    --screenshots) screenshots=true ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
export MERIDIAN_RUN_DIR="$root/.run/web-test"
export MERIDIAN_DB_NAME=${MERIDIAN_WEB_TEST_DB_NAME:-meridian_web_test}
export MERIDIAN_INTAKE_PORT=${MERIDIAN_WEB_TEST_INTAKE_PORT:-18091}
export MERIDIAN_OUTCOMES_PORT=${MERIDIAN_WEB_TEST_OUTCOMES_PORT:-18092}
export MERIDIAN_GATEWAY_PORT=${MERIDIAN_WEB_TEST_GATEWAY_PORT:-18090}
unset MERIDIAN_INTAKE_URL MERIDIAN_OUTCOMES_URL MERIDIAN_KEYS_DIR MERIDIAN_WEB_DIR MERIDIAN_WEB_DEMO_SIGN_INS
source "$root/scripts/lib/common.sh"
source "$root/scripts/lib/db.sh"
source "$root/scripts/lib/services.sh"
chromium=${CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
  log "installing Debian's chromium (browsers cannot be downloaded by Playwright here)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 || {
    as_root apt-get update -qq >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  }
fi
command -v npm >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || die "the web app's build (Vite 7) needs Node.js 20.19 or newer; this is $(node --version)"
[ -f "$root/gateway/target/openapi/meridian-openapi.json" ] || die "gateway/target/openapi/meridian-openapi.json is missing: build first (scripts/test.sh or ./mvnw package)"

log "building the web app"
(cd "$root/web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run -s sdk >/dev/null && npm run -s build >/dev/null)
log "unit tests (vitest)"
(cd "$root/web" && npm test --silent)
log "bundle: $(cd "$root/web/dist" && du -cb assets/*.js assets/*.css | tail -1 | cut -f1) bytes of JS and CSS ($(cd "$root/web/dist" && cat assets/*.js assets/*.css | gzip -9 | wc -c) gzipped)"

any_service_running && die "a web-test stack is already running ($MERIDIAN_RUN_DIR); stop it with MERIDIAN_RUN_DIR=$MERIDIAN_RUN_DIR scripts/stop.sh"
trap 'stop_all' EXIT
mkdir -p "$MERIDIAN_RUN_DIR"
bootstrap_database "$MERIDIAN_DB_NAME" --recreate >/dev/null
"$root/scripts/run.sh" --detach --demo >"$MERIDIAN_RUN_DIR/run.log" 2>&1 \
  || { tail -n 40 "$MERIDIAN_RUN_DIR/run.log" >&2; die "the stack did not start (log: $MERIDIAN_RUN_DIR/run.log)"; }
[ -f "$MERIDIAN_RUN_DIR/web-sign-ins.json" ] || die "run.sh --demo wrote no demo sign-ins"

log "end-to-end checks in headless Chromium against http://127.0.0.1:$MERIDIAN_GATEWAY_PORT/app/"
shots=()
$screenshots && shots=(SCREENSHOT_DIR="$root/docs/web")
(cd "$root/web" && env "${shots[@]}" BASE_URL="http://127.0.0.1:$MERIDIAN_GATEWAY_PORT" CHROMIUM="$chromium" \
  node e2e/run.mjs)
