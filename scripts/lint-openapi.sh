#!/usr/bin/env bash
# Lints each service's OpenAPI document with Spectral (spectral:oas plus Meridian's rules in tools/openapi/.spectral.yaml:
# every operation summarised, tagged and with a unique operationId, every 4xx/5xx answer a problem+json document).
# The documents are written at build time to <service>/target/openapi/openapi.json, so run it after a build
# (scripts/test.sh does one).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$MERIDIAN_ROOT"

command -v npm >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
(cd tools/openapi && npm ci --no-audit --no-fund --loglevel=error >/dev/null)

status=0
for service in intake-service outcomes-service; do
  spec="$service/target/openapi/openapi.json"
  [ -f "$spec" ] || die "$spec is missing: build first (./mvnw package or scripts/test.sh)"
  log "linting $spec"
  tools/openapi/node_modules/.bin/spectral lint --ruleset tools/openapi/.spectral.yaml --fail-severity error \
    --display-only-failures "$spec" || status=1
done
[ "$status" -eq 0 ] && log "OpenAPI documents pass the lint (0 errors)"
exit "$status"
