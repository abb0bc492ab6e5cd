#!/usr/bin/env bash
# Checks the deployment files offline (no cluster, no Docker engine needed); CI runs it after the contract tests.
#   - renders every Kustomize overlay in deploy/k8s/overlays/ with `kubectl kustomize` and validates each object
#     against the Kubernetes API schemas and the CRD schemas in deploy/k8s/schemas/, plus the references between
#     objects (tools/deploy/validate-manifests.mjs; objects an overlay expects to exist are in its external.txt);
#   - deploy/observability: promtool check rules, promtool test rules, promtool check config, the Grafana
#     dashboard (its queries through promtool, its metrics against docs/observability.md);
#   - docker-compose.yml: `docker-compose config -q`, and every file it mounts exists.
# Installs what is missing (kubectl, promtool, docker-compose, Node.js and tools/deploy's npm packages), as the other
# scripts do; the rendered manifests are left in target/deploy/ for inspection.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
cd "$MERIDIAN_ROOT"

out="$MERIDIAN_ROOT/target/deploy"
tools="$MERIDIAN_ROOT/target/deploy-tools"
mkdir -p "$out" "$tools"

apt_install() { # apt_install PACKAGE...: without recommended packages (docker-compose would bring a Docker engine)
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
         && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}

# kubectl with a Kustomize of version 4 or newer (components, labels); Debian's own kubernetes-client is too old.
if ! command -v kubectl >/dev/null 2>&1; then
  log "installing kubectl"
  apt_install kubectl 2>/dev/null || apt_install kubernetes-client
fi
kustomize_version=$(kubectl version --client 2>/dev/null | sed -n 's/^Kustomize Version: v\{0,1\}\([0-9]*\).*/\1/p')
[ "${kustomize_version:-0}" -ge 4 ] \
  || die "kubectl's Kustomize is older than v4 ($(kubectl version --client 2>&1 | head -n 2 | tr '\n' ' ')): install kubectl 1.21 or newer"

# promtool: taken out of Debian's prometheus package without installing it, so that no Prometheus server is started.
promtool=$(command -v promtool || true)
if [ -z "$promtool" ]; then
  promtool="$tools/usr/bin/promtool"
  if [ ! -x "$promtool" ]; then
    log "fetching promtool from Debian's prometheus package"
    (cd "$tools" && { apt-get download prometheus >/dev/null 2>&1 \
      || { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && apt-get download prometheus >/dev/null; }; } \
      && dpkg-deb -x prometheus_*.deb . && rm -f prometheus_*.deb)
  fi
fi

command -v docker-compose >/dev/null 2>&1 || { log "installing docker-compose"; apt_install docker-compose; }
command -v npm >/dev/null 2>&1 || { log "installing Node.js"; apt_install nodejs npm; }
[ -d tools/deploy/node_modules ] && [ tools/deploy/node_modules -nt tools/deploy/package-lock.json ] \
  || (cd tools/deploy && npm ci --no-audit --no-fund --loglevel=error >/dev/null && touch node_modules)

started=$(date +%s)
passed=0
failed=0
check() { # check NAME COMMAND...: runs one check, prints its output only when it fails
  local name=$1 output
  shift
  if output=$("$@" 2>&1); then
    passed=$((passed + 1))
    log "ok    $name${output:+: $(printf '%s' "$output" | tail -n 1)}"
  else
    failed=$((failed + 1))
    log "FAIL  $name"
    printf '%s\n' "$output" | sed 's/^/        /' >&2
  fi
}

# Kubernetes: every overlay renders and validates.
for overlay in deploy/k8s/overlays/*/; do
  name=$(basename "$overlay")
  external=""
  [ -f "$overlay/external.txt" ] && external=$(grep -v '^\s*\(#\|$\)' "$overlay/external.txt" | paste -sd, -)
  check "kustomize overlay $name renders" sh -c "kubectl kustomize '$overlay' > '$out/$name.yaml'"
  check "overlay $name validates against the Kubernetes and CRD schemas" \
    node tools/deploy/validate-manifests.mjs --schemas deploy/k8s/schemas --external "$external" "$out/$name.yaml"
done

# Prometheus: the rules, their unit tests, the compose scrape configuration (its rule file path is the container's).
rules=deploy/observability/prometheus
check "promtool check rules" "$promtool" check rules "$rules/alerts.yml"
check "promtool test rules" "$promtool" test rules "$rules/alerts.test.yml"
mkdir -p "$out/prometheus/rules"
cp "$rules/alerts.yml" "$out/prometheus/rules/alerts.yml"
sed "s#/etc/prometheus/rules/#$out/prometheus/rules/#" "$rules/prometheus.yml" >"$out/prometheus/prometheus.yml"
check "promtool check config" "$promtool" check config "$out/prometheus/prometheus.yml"

# Grafana: the dashboard against its data sources and the metric contract, and its queries through promtool.
check "dashboard and rules use only documented metrics" node tools/deploy/check-observability.mjs \
  --rules "$rules/alerts.yml" --dashboard deploy/observability/grafana/meridian-dashboard.json \
  --datasources deploy/observability/grafana/provisioning/datasources/meridian.yml \
  --contract docs/observability.md --write-queries "$out/dashboard-queries.yml"
check "dashboard queries parse (promtool)" "$promtool" check rules "$out/dashboard-queries.yml"

# docker compose: the file is valid, and everything it mounts from the repository exists.
check "docker-compose config" docker-compose config -q
compose_mounts() {
  docker-compose config | python3 -c '
import os, sys, yaml
sources = [(name, v.split(":")[0]) for name, service in yaml.safe_load(sys.stdin)["services"].items()
           for v in service.get("volumes", []) if isinstance(v, str) and v.startswith("/")]
missing = [f"{name} mounts {source}, which does not exist" for name, source in sources if not os.path.exists(source)]
print("\n".join(missing) or f"{len(sources)} mounted files exist")
sys.exit(1 if missing else 0)'
}
check "docker-compose mounts exist" compose_mounts

log "deployment checks took $(( $(date +%s) - started )) s"
echo "check-deploy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
