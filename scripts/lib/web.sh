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
  if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
    log "Node.js $(node --version) is older than Vite 7 needs (20.19): skipping the web app (/app/)"
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
  local file=$1 ttl=28800 p chosen=1 staff id_var pseudonym_var patient clinician researcher
  # shellcheck disable=SC1091
  source "$MERIDIAN_RUN_DIR/demo.env"
  # The demo patient is the first with a questionnaire due now (the demo's dates are relative to today), so the
  # patient page has something to answer; patient 1 when none has.
  staff=$("$MERIDIAN_ROOT/scripts/token.sh" practitioner --clinic "$CLINIC_ID" --sub demo-sign-ins)
  for p in 1 2 3 4 5 6 7 8 9; do
    pseudonym_var="PATIENT_${p}_PSEUDONYM_ID"
    [ -n "${!pseudonym_var:-}" ] || break
    if curl -fsS -H "Authorization: Bearer $staff" \
        "http://127.0.0.1:$MERIDIAN_GATEWAY_PORT/api/v1/outcomes/clinics/$CLINIC_ID/patients/${!pseudonym_var}/schedule" \
        | python3 -c 'import json, sys; sys.exit(0 if any(i["status"] in ("DUE", "OVERDUE") for i in json.load(sys.stdin)["items"]) else 1)'; then
      chosen=$p
      break
    fi
  done
  id_var="PATIENT_${chosen}_ID" pseudonym_var="PATIENT_${chosen}_PSEUDONYM_ID"
  patient=$("$MERIDIAN_ROOT/scripts/token.sh" patient --clinic "$CLINIC_ID" --patient "${!id_var}" \
    --pseudonym "${!pseudonym_var}" --sub "demo-patient-$chosen" --ttl "$ttl")
  clinician=$("$MERIDIAN_ROOT/scripts/token.sh" practitioner,clinic-admin --clinic "$CLINIC_ID" \
    --practitioner "$PRACTITIONER_1_ID" --sub demo-practitioner-1 --ttl "$ttl")
  researcher=$("$MERIDIAN_ROOT/scripts/token.sh" researcher,research-export --sub demo-researcher --ttl "$ttl")
  umask 077
  cat >"$file" <<JSON
[
  {"role": "patient", "label": "Demo patient (patient $chosen of the demo)", "pseudonymId": "${!pseudonym_var}", "token": "$patient"},
  {"role": "clinician", "label": "Demo clinician (practitioner and clinic admin)", "token": "$clinician"},
  {"role": "researcher", "label": "Demo researcher (aggregates and export)", "token": "$researcher"}
]
JSON
  log "demo sign-ins for the web app (valid $((ttl / 3600)) h) in $file"
}
