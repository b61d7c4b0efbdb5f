#!/usr/bin/env bash
# Requests per second of the Quickstep HTTP server against a bare Netty server (issue 10), with the
# same client and connections in the same run:
#
#   loadtest/wrk/bench.sh [URL [MACHINE]]
#
# (a) starts the baseline server (./quickstep loadtest baseline-server, one event loop) and measures
#     it with wrk; (b) measures URL, a running Quickstep server (./quickstep serve), the same way;
#     (c) prints both requests/s, their ratio and p50/p99/p99.9; (d) runs each at half the baseline's
#     rate for the p99 with a fixed-rate client (wrk2 if installed, else ./quickstep loadtest http).
#     Each server's CPU time per request (from /proc/PID/stat, when it runs on this machine) is shown
#     beside its rate: on a shared machine it moves less than the rate does.
#     Without URL only the baseline is measured. MACHINE is what start-sync.lua starts: pass (default; the server needs a one-state Pass
#     machine named pass) or order (the order workflow, named order, with its handlers).
#
# Each measurement follows an unreported warm-up run of the same load (the JIT compiles during it:
# after 5 s the Quickstep server's C2 compiler threads still took 40 us of CPU per request on the
# 2-core development machine, after 25 s 8-10 us, and the bare server has far less code to compile).
# Environment: THREADS (1), CONNECTIONS (16), FIXED_CONNECTIONS (64, for the fixed-rate runs: at a
# fixed rate a connection carries one request at a time, so it needs rate x latency of them and
# room for a pause), DURATION (10s), WARMUP (20s), BASELINE_PORT (8090),
# BASELINE_JAVA_OPTS and GENERATOR_JAVA_OPTS (-Xms1g -Xmx1g -XX:+AlwaysPreTouch). DURATION and WARMUP in
# whole seconds (10s, 20s). Needs wrk: apt-get install -y wrk.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
script="$here/start-sync.lua"
url="${1:-}"
machine="${2:-pass}"
threads="${THREADS:-1}"
connections="${CONNECTIONS:-16}"
fixed_connections="${FIXED_CONNECTIONS:-64}"
duration="${DURATION:-10s}"
warmup="${WARMUP:-20s}"
port="${BASELINE_PORT:-8090}"
baseline_url="http://127.0.0.1:$port/"
ready_seconds=60

command -v wrk >/dev/null || { echo "bench.sh: wrk is missing: apt-get install -y wrk" >&2; exit 1; }

# Builds loadtest.jar if it is stale (./quickstep does), on a small heap: this JVM only prints help.
JAVA_OPTS="-Xmx64m" "$root/quickstep" loadtest --help >/dev/null

JAVA_OPTS="${BASELINE_JAVA_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}" \
    "$root/quickstep" loadtest baseline-server --port "$port" --event-loops 1 >&2 &
baseline_pid=$!
# ./quickstep execs java, so this is the server's own process.
trap 'kill "$baseline_pid" 2>/dev/null; wait "$baseline_pid" 2>/dev/null || true' EXIT

for ((i = 0; i < ready_seconds * 10; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        break
    fi
    kill -0 "$baseline_pid" 2>/dev/null || { echo "bench.sh: the baseline server did not start" >&2; exit 1; }
    sleep 0.1
done

# keep NAME COMMAND...: runs COMMAND, shows its report on stderr and keeps its "quickstep:" lines in
# $results/NAME; fails as COMMAND does. (Not `tee /dev/stderr`: that reopens a redirected stderr file
# at its start and writes over it.)
keep() {
    local name="$1" out status=0
    shift
    out="$("$@")" || status=$?
    printf '%s\n' "$out" >&2
    grep '^quickstep:' <<<"$out" >"$results/$name" || true
    return "$status"
}

# run NAME URL [wrk options...]: one wrk run; wrk's report goes to stderr, the "quickstep:" lines of
# start-sync.lua's done() are kept in $results/NAME.
results="$(mktemp -d)"
trap 'kill "$baseline_pid" 2>/dev/null; wait "$baseline_pid" 2>/dev/null || true; rm -rf "$results"' EXIT
run() {
    local name="$1" target="$2"
    shift 2
    echo "== $name: wrk $* $target" >&2
    keep "$name" "$@" -s "$script" "$target" -- "$machine"
    if ! grep -q 'non2xx 0 ' "$results/$name"; then
        echo "bench.sh: $name answered errors (see above): its figures do not count" >&2
    fi
}

# field NAME KEY: the number after KEY in NAME's results.
field() {
    awk -v key="$2" '{ for (i = 1; i < NF; i++) if ($i == key) print $(i + 1) }' "$results/$1"
}

closed_loop=(wrk "-t$threads" "-c$connections" "-d$duration" --latency)
# server_pid URL: the process listening on URL's port on this machine (empty if none is seen).
server_pid() {
    local port="${1##*:}"
    port="${port%%/*}"
    ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2
}
# cpu_ticks PID: the process's user and system CPU time so far, in clock ticks.
cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}
# measure NAME URL: warm-up, then the measured run; also keeps the server's CPU time per request
# (steadier than requests/s on a shared machine: it moves less when other work takes the cores).
measure() {
    local name="$1" target="$2" pid before after
    run "$name-warmup" "$target" wrk "-t$threads" "-c$connections" "-d$warmup"
    pid="$(server_pid "$target")"
    before="$( [[ -n "$pid" ]] && cpu_ticks "$pid" || echo 0)"
    run "$name" "$target" "${closed_loop[@]}"
    after="$( [[ -n "$pid" ]] && cpu_ticks "$pid" || echo 0)"
    awk -v t="$((after - before))" -v hz="$(getconf CLK_TCK)" -v rps="$(field "$name" requests/s)" \
        -v d="${duration%s}" 'BEGIN { if (t > 0 && rps > 0) printf "cpu_us %.1f\n", t * 1e6 / hz / (rps * d) }' \
        >>"$results/$name"
}

measure baseline "$baseline_url"
[[ -n "$url" ]] && measure quickstep "$url"

printf '\n%-10s %12s %10s %10s %10s %12s   (%s, -t%s -c%s -d%s, machine %s)\n' server requests/s 'p50 us' \
    'p99 us' 'p99.9 us' 'CPU us/req' wrk "$threads" "$connections" "$duration" "$machine"
for name in baseline ${url:+quickstep}; do
    printf '%-10s %12s %10s %10s %10s %12s\n' "$name" "$(field "$name" requests/s)" "$(field "$name" p50)" \
        "$(field "$name" p99)" "$(field "$name" p99.9)" "$(field "$name" cpu_us)"
done
base_rps="$(field baseline requests/s)"
if [[ -n "$url" ]]; then
    awk -v q="$(field quickstep requests/s)" -v b="$base_rps" \
        'BEGIN { printf "ratio quickstep/baseline: %.2f (issue 10 asks for at least 0.80)\n", q / b }'
    awk -v q="$(field quickstep cpu_us)" -v b="$(field baseline cpu_us)" \
        'BEGIN { if (q > 0) printf "CPU per request, baseline/quickstep: %.2f\n", b / q }'
fi

# (d) Latency at a fixed rate. wrk keeps each connection busy (closed loop): under load its latencies
# leave out the requests a stalled server kept from being sent (coordinated omission). A fixed-rate
# client counts from each request's due time: wrk2 (-R) when installed (Debian does not package it),
# else this project's own, `./quickstep loadtest http`, with the same request on FIXED_CONNECTIONS.
half_rate="$(awk -v b="$base_rps" 'BEGIN { printf "%d", b / 2 }')"
fixed_rate() {
    local name="$1" target="$2"
    if command -v wrk2 >/dev/null; then
        run "$name-fixed" "$target" wrk2 "-t$threads" "-c$fixed_connections" "-d$duration" "-R$half_rate" --latency
    else
        echo "== $name-fixed: quickstep loadtest http --rate $half_rate --url $target" >&2
        JAVA_OPTS="${GENERATOR_JAVA_OPTS:--Xms1g -Xmx1g -XX:+AlwaysPreTouch}" keep "$name-fixed" \
            "$root/quickstep" loadtest http --url "$target" --rate "$half_rate" --connections "$fixed_connections" \
            --duration "${duration%s}" --warmup "${warmup%s}" --machine "$machine" \
            || echo "bench.sh: $name-fixed had errors or unanswered requests (see above)" >&2
    fi
    printf '%-10s at %s requests/s (%s): p50 %s us, p99 %s us, p99.9 %s us\n' "$name" "$half_rate" \
        "$(command -v wrk2 >/dev/null && echo wrk2 || echo 'loadtest http')" "$(field "$name-fixed" p50)" \
        "$(field "$name-fixed" p99)" "$(field "$name-fixed" p99.9)"
}
echo
fixed_rate baseline "$baseline_url"
[[ -n "$url" ]] && fixed_rate quickstep "$url"
exit 0
