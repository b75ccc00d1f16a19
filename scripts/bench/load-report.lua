-- Shared by the wrk scripts of scripts/bench/load.sh: one JSON line with throughput, latency
-- percentiles (ms) and the count of non-2xx answers, which load.sh refuses if not zero.
function report(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "rps": %.1f, "p50": %.2f, "p90": %.2f, "p99": %.2f, "max": %.2f, "non2xx": %d, "errors": %d}\n',
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
