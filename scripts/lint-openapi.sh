#!/usr/bin/env bash
# Lints the OpenAPI documents:
#  - each service's with Spectral (spectral:oas plus Meridian's rules in tools/openapi/.spectral.yaml: every operation
#    summarised, tagged and with a unique operationId, every 4xx/5xx answer a problem+json document);
#  - the gateway's merged public document, the one SDKs are generated from, with the same rules, with Redocly's
#    recommended rules (0 errors and 0 warnings) and with the OWASP API Security ruleset (tools/openapi/.spectral-owasp.yaml).
# The documents are written at build time to <service>/target/openapi/openapi.json and
# gateway/target/openapi/meridian-openapi.json, so run it after a build (scripts/test.sh does one).
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
merged=gateway/target/openapi/meridian-openapi.json
[ -f "$merged" ] || die "$merged is missing: build first (./mvnw package or scripts/test.sh)"
log "linting $merged (Meridian's rules, then the OWASP API Security ruleset)"
for ruleset in tools/openapi/.spectral.yaml tools/openapi/.spectral-owasp.yaml; do
  tools/openapi/node_modules/.bin/spectral lint --ruleset "$ruleset" --fail-severity error --display-only-failures \
    "$merged" || status=1
done
log "linting $merged (Redocly's recommended rules: no error, no warning)"
redocly_report=$(cd tools/openapi && NO_UPDATE_NOTIFIER=1 node_modules/.bin/redocly lint --config redocly.yaml \
  --format stylish "../../$merged" 2>&1) || status=1
if printf '%s\n' "$redocly_report" | grep -qE '^ *[0-9]+:[0-9]+ +(error|warning) |You have [0-9]+ (error|warning)'; then
  printf '%s\n' "$redocly_report" | grep -vE 'Node.js|║|╔|╚' >&2
  status=1
fi
[ "$status" -eq 0 ] && log "OpenAPI documents pass the lint (0 errors; the merged one also 0 Redocly warnings)"
exit "$status"
