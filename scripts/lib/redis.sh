# Redis for the gateway's tests of its shared rate limits, which use the one at 127.0.0.1:6379 (each run under keys of
# its own). Source after common.sh.

redis_answers() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

# Starts a local Redis (installing Debian's redis-server if needed) unless one already answers on 127.0.0.1:6379.
ensure_redis() {
  command -v redis-cli >/dev/null 2>&1 && redis_answers && return 0
  if ! command -v redis-server >/dev/null 2>&1; then
    log "installing redis-server"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  redis_answers && return 0
  log "starting Redis on 127.0.0.1:6379 (nothing kept on disk)"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no >/dev/null
  for _ in $(seq 1 20); do redis_answers && return 0; sleep 0.5; done
  die "Redis did not start on 127.0.0.1:6379"
}
