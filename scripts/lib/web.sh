# The web app (web/, docs/web.md): built with npm + Vite into web/dist, which the gateway serves at /app/. Source after
# common.sh.

# Builds web/dist when Node.js is here and the app or the API document changed since the last build; without Node.js
# the stack runs without the app (the gateway answers /app/ with 404).
build_web_if_possible() {
  local web="$MERIDIAN_ROOT/web" dist="$MERIDIAN_ROOT/web/dist/index.html"
  local document="$MERIDIAN_ROOT/gateway/target/openapi/meridian-openapi.json"
  if ! command -v npm >/dev/null 2>&1; then
    log "Node.js/npm not found: skipping the web app (/app/); install nodejs and npm to get it"
    return 0
  fi
  if [ -f "$dist" ] && [ -z "$(find "$web/src" "$web/public" "$web/index.html" "$web/package-lock.json" \
      "$web/vite.config.ts" "$document" -newer "$dist" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  log "building the web app (npm ci, SDK generation, vite build)"
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm run -s sdk >/dev/null \
    && npm run -s build >/dev/null) || die "the web app did not build; run: cd web && npm ci && npm run sdk && npm run build"
}

# Demo sign-ins for the sign-in page: a token per demo role, with the demo's ids, signed by the local key. Only for
# scripts/run.sh --demo without Keycloak; the gateway serves the file to anyone who can reach it (docs/web.md#sign-in).
write_demo_sign_ins() { # write_demo_sign_ins FILE
  local file=$1 ttl=28800 patient clinician researcher
  # shellcheck disable=SC1091
  source "$MERIDIAN_RUN_DIR/demo.env"
  patient=$("$MERIDIAN_ROOT/scripts/token.sh" patient --clinic "$CLINIC_ID" --patient "$PATIENT_1_ID" \
    --pseudonym "$PATIENT_1_PSEUDONYM_ID" --sub demo-patient-1 --ttl "$ttl")
  clinician=$("$MERIDIAN_ROOT/scripts/token.sh" practitioner,clinic-admin --clinic "$CLINIC_ID" \
    --practitioner "$PRACTITIONER_1_ID" --sub demo-practitioner-1 --ttl "$ttl")
  researcher=$("$MERIDIAN_ROOT/scripts/token.sh" researcher,research-export --sub demo-researcher --ttl "$ttl")
  umask 077
  cat >"$file" <<JSON
[
  {"role": "patient", "label": "Demo patient (patient 1)", "token": "$patient"},
  {"role": "clinician", "label": "Demo clinician (practitioner and clinic admin)", "token": "$clinician"},
  {"role": "researcher", "label": "Demo researcher (aggregates and export)", "token": "$researcher"}
]
JSON
  log "demo sign-ins for the web app (valid $((ttl / 3600)) h) in $file"
}
