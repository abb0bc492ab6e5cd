#!/usr/bin/env bash
# Keycloak's counterpart of scripts/token.sh, for a stack started with scripts/run.sh --keycloak: makes sure a demo user
# with these roles and claims exists in the realm (Keycloak's admin API), signs in as that user the way an app does
# (authorization code with PKCE through Keycloak's login form, client meridian-cli) and prints the access token.
#   scripts/keycloak-token.sh ROLE[,ROLE...] [--clinic UUID] [--practitioner UUID] [--patient UUID] [--pseudonym UUID]
#                             [--sub USERNAME]
# USERNAME defaults to demo-<first role>; every demo user's password is $MERIDIAN_KEYCLOAK_DEMO_PASSWORD (default
# meridian-demo-only: demo only). Settings come from .run/keycloak.env (or the environment: MERIDIAN_KEYCLOAK_URL,
# MERIDIAN_KEYCLOAK_ADMIN_CLIENT_SECRET). Access tokens live 5 minutes.
# Example: TOKEN=$(scripts/keycloak-token.sh practitioner --clinic "$CLINIC_ID" --practitioner "$PRACTITIONER_1_ID")
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
env_file="$MERIDIAN_RUN_DIR/keycloak.env"
[ -n "${1:-}" ] || { sed -n '2,10p' "$0" >&2; exit 2; }
if [ -f "$env_file" ]; then
  set -a
  # shellcheck disable=SC1090
  source "$env_file"
  set +a
fi
[ -n "${MERIDIAN_KEYCLOAK_URL:-}" ] || die "no $env_file: start the stack with scripts/run.sh --keycloak (with docker compose, set MERIDIAN_KEYCLOAK_URL and MERIDIAN_KEYCLOAK_ADMIN_CLIENT_SECRET: docs/security.md)"
exec python3 "$MERIDIAN_ROOT/scripts/keycloak/oidc.py" token "$@"
