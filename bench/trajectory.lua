-- wrk script: read one patient's trajectory (the chart an app or clinician opens). Arguments: path token
local path, token
function init(args) path, token = args[1], args[2] end
function request()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, errors))
end
