#!/usr/bin/env bash
# The README's performance figures of the load tester, all from one session, back to back:
#
#   loadtest/session.sh [OUT]
#
# (1) the embedded maximum (--max); (2) the HTTP maximum with StartSyncExecution (--sync) against a
# Quickstep server started here (serve --event-loops 1, a one-state Pass machine named pass), then
# the bare Netty server loaded the same way (--baseline) and their ratio; (3) the HTTP maximum with
# StartExecution (--async); (4) each of the four at half its maximum, open loop, for the latency.
# Every run writes its report files under OUT (default: loadtest-session), and compare.html there
# draws the four half-rate runs on one page (as a PNG too, when chromium is installed). The server
# is first loaded for DURATION unreported (as the JIT compiles its code: a cold server's first
# seconds run at a fraction of its rate), and each run warms up for WARMUP before it measures.
# Environment: DURATION (10s), WARMUP (10s), CONNECTIONS (16 for the maxima), FIXED_CONNECTIONS (64
# for the open loops: a connection carries one request at a time), PORT (8093), SERVER_JAVA_OPTS and
# JAVA_OPTS (the generator's) (-Xms1g -Xmx1g -XX:+AlwaysPreTouch). DURATION and WARMUP in whole
# seconds.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-loadtest-session}")"
duration="${DURATION:-10s}"
warmup="${WARMUP:-10s}"
connections="${CONNECTIONS:-16}"
fixed_connections="${FIXED_CONNECTIONS:-64}"
port="${PORT:-8093}"
heap="-Xms1g -Xmx1g -XX:+AlwaysPreTouch"
export JAVA_OPTS="${JAVA_OPTS:-$heap}"
url="http://127.0.0.1:$port/"
mkdir -p "$out"

defs="$(mktemp -d)"
echo '{"StartAt": "Pass", "States": {"Pass": {"Type": "Pass", "End": true}}}' >"$defs/pass.asl.json"
# Builds both jars first if they are stale (./quickstep does), on a small heap: these only print help.
JAVA_OPTS="-Xmx64m" "$root/quickstep" --help >/dev/null
JAVA_OPTS="-Xmx64m" "$root/quickstep" loadtest --help >/dev/null
java ${SERVER_JAVA_OPTS:-$heap} -jar "$root/transport/target/quickstep.jar" serve --definitions "$defs" \
    --event-loops 1 --port "$port" >"$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$defs"' EXIT
for ((i = 0; i < 600; i++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$out/server.log" >&2; echo "session.sh: the server did not start" >&2; exit 1; }
    sleep 0.1
done

# run NAME ARGS...: one load run writing its report files into OUT/NAME, its output into OUT/NAME.txt.
run() {
    local name="$1"
    shift
    echo "== $name: ./quickstep loadtest $*" >&2
    "$root/quickstep" loadtest "$@" --out "$out/$name" >"$out/$name.txt" 2>&1 || true
    grep -E '^(open loop|max throughput|http|  executions/s|  requests/s|  latency|ratio)' "$out/$name.txt" >&2 || true
}

# figure SUMMARY KEY: a number of a summary.json (as Jackson's pretty printer writes it: 1.2E7 for the
# large ones), with one decimal.
figure() {
    sed -n "s/^ *\"$2\" : \([0-9.E+-]*\).*/\1/p" "$1" | head -n 1 | awk '{ printf "%.1f", $1 }'
}

# half SUMMARY: half the run's rate, a whole number.
half() {
    local rate
    rate="$(figure "$1" perSecond)"
    echo $(( ${rate%.*} / 2 ))
}

load=(--duration "$duration" --warmup "$warmup")
run warm-server --url "$url" --max --connections "$connections" --duration "$duration" --warmup 0
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >"$out/session.txt"
run max-embedded --max "${load[@]}"
run max-sync --url "$url" --baseline --max --connections "$connections" "${load[@]}"
run max-async --url "$url" --async --max --connections "$connections" "${load[@]}"
run half-embedded --rate "$(half "$out/max-embedded/summary.json")" "${load[@]}"
run half-sync --url "$url" --rate "$(half "$out/max-sync/server/summary.json")" \
    --connections "$fixed_connections" "${load[@]}"
run half-async --url "$url" --async --rate "$(half "$out/max-async/summary.json")" \
    --connections "$fixed_connections" "${load[@]}"
run half-baseline --baseline --rate "$(half "$out/max-sync/baseline/summary.json")" \
    --connections "$fixed_connections" "${load[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/session.txt"

JAVA_OPTS="-Xmx256m" "$root/quickstep" loadtest --compare "$out/half-embedded/summary.json" \
    "$out/half-baseline/summary.json" "$out/half-sync/summary.json" "$out/half-async/summary.json" --out "$out" >&2
if command -v chromium >/dev/null; then
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1100,600 \
        --screenshot="$out/compare.png" "file://$out/compare.html" >/dev/null 2>&1 || true
fi

# The table: each run's rate and latency (microseconds).
{
    printf '| run | per second | p50 | p99 | p99.9 | max |\n| --- | --- | --- | --- | --- | --- |\n'
    for name in max-embedded max-sync/server max-sync/baseline max-async half-embedded half-baseline half-sync half-async; do
        summary="$out/$name/summary.json"
        [[ -f "$summary" ]] || { printf '| %s | (failed: see %s.txt) |\n' "$name" "${name%%/*}"; continue; }
        printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(figure "$summary" perSecond)" \
            "$(figure "$summary" p50)" "$(figure "$summary" p99)" "$(figure "$summary" p99.9)" "$(figure "$summary" max)"
    done
    grep '^ratio' "$out/max-sync.txt" || true
} | tee -a "$out/session.txt"
