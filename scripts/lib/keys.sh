# Local signing key for running without an identity provider. Source after common.sh.
# The private key never leaves the developer's machine: it is made on first run under .run/keys.

: "${MERIDIAN_KEYS_DIR:=$MERIDIAN_RUN_DIR/keys}"
: "${MERIDIAN_JWT_ISSUER:=https://auth.meridian.local}"
: "${MERIDIAN_JWT_AUDIENCE:=meridian-api}"

ensure_dev_keys() {
  command -v openssl >/dev/null 2>&1 || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
  mkdir -p "$MERIDIAN_KEYS_DIR"
  chmod 700 "$MERIDIAN_KEYS_DIR"
  if [ ! -f "$MERIDIAN_KEYS_DIR/jwt-private.pem" ]; then
    log "creating a local JWT signing key in $MERIDIAN_KEYS_DIR"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$MERIDIAN_KEYS_DIR/jwt-private.pem" 2>/dev/null
    chmod 600 "$MERIDIAN_KEYS_DIR/jwt-private.pem"
    openssl pkey -in "$MERIDIAN_KEYS_DIR/jwt-private.pem" -pubout -out "$MERIDIAN_KEYS_DIR/jwt-public.pem"
  fi
  if [ ! -f "$MERIDIAN_KEYS_DIR/research-pseudonym-secret" ]; then
    openssl rand -hex 32 >"$MERIDIAN_KEYS_DIR/research-pseudonym-secret"
    chmod 600 "$MERIDIAN_KEYS_DIR/research-pseudonym-secret"
  fi
  export MERIDIAN_RESEARCH_PSEUDONYM_SECRET="${MERIDIAN_RESEARCH_PSEUDONYM_SECRET:-$(cat "$MERIDIAN_KEYS_DIR/research-pseudonym-secret")}"
  export MERIDIAN_JWT_PUBLIC_KEY_LOCATION="${MERIDIAN_JWT_PUBLIC_KEY_LOCATION:-file:$MERIDIAN_KEYS_DIR/jwt-public.pem}"
  # outcomes-service signs its token for intake's feed with the private half, unless an OIDC provider issues it
  # (MERIDIAN_OIDC_TOKEN_ENDPOINT, set by use_keycloak_for_tokens).
  export MERIDIAN_JWT_PRIVATE_KEY_LOCATION="${MERIDIAN_JWT_PRIVATE_KEY_LOCATION:-file:$MERIDIAN_KEYS_DIR/jwt-private.pem}"
  export MERIDIAN_JWT_ISSUER MERIDIAN_JWT_AUDIENCE
}

b64url() { openssl base64 -e -A | tr '+/' '-_' | tr -d '='; }

# mint_token JSON_CLAIMS: signs the claims (a JSON object) with the local key as an RS256 JWT.
mint_token() {
  local header payload signature
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"meridian-local"}' | b64url)
  payload=$(printf '%s' "$1" | b64url)
  signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$MERIDIAN_KEYS_DIR/jwt-private.pem" | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signature"
}
