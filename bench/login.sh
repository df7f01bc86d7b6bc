#!/usr/bin/env bash
# What a curator's credentials cost per request: wrk against GET /api/v1/members/{slug} (a demo member)
# anonymously, with the admin's HTTP Basic credentials (bcrypt verified once, then remembered), and with
# the same credentials and the verification cache off (DIRECTORY_LOGIN_CACHE_TTL=0: bcrypt every request).
#
#   bash bench/login.sh
#   BENCH_DURATION=20s bash bench/login.sh
#
# Uses the built jar (target/quarkus-app, built when missing), a temp data folder with the 60 demo members,
# and prints one table. Nothing is written into the repository.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
APP=${BENCH_APP:-$ROOT/target/quarkus-app}
BENCH_DURATION=${BENCH_DURATION:-10s}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-8}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/directory-login-bench.XXXXXX")
source "$ROOT/.ci/service.sh"
cleanup() { service_stop_all; rm -rf "$WORK"; }
trap cleanup EXIT
log() { printf '[login-bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

for tool in java wrk curl; do command -v "$tool" >/dev/null || { log "$tool is missing"; exit 1; }; done
[[ -f $APP/quarkus-run.jar ]] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
SERVICE_JAR=$APP/quarkus-run.jar SERVICE_JAVA_OPTS="-Xms150m -Xmx150m -XX:+UseParallelGC"
SERVICE_ADMIN_PASSWORD=bench-login-$RANDOM$RANDOM
PASSWORD=$SERVICE_ADMIN_PASSWORD
service_ports "${BENCH_PORT:-18095}"
BASE=$SERVICE_BASE

start() {  # $1: verification cache TTL
    service_start "$WORK/data" "$WORK/service.log" DIRECTORY_DEMO_DATA=true DIRECTORY_LOGIN_CACHE_TTL="$1"
    service_wait_ready || exit 1
}

run() {  # $1: label, further arguments: wrk options
    local label=$1 out="$WORK/wrk-$1.txt"
    shift
    wrk -t2 -c"$BENCH_CONNECTIONS" -d"$BENCH_DURATION" --latency -s "$HERE/paths.lua" "$@" "$BASE" -- "$WORK/paths" \
        >"$out" 2>&1 || true
    local result
    result=$(grep '^BENCH_RESULT' "$out" | tail -n 1)
    field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $result"; }
    printf '%-28s %9s %9s %9s %9s\n' "$label" "$(field rps)" "$(field p50_ms)" "$(field p99_ms)" "$(field non2xx)"
}

AUTH="Authorization: Basic $(printf 'admin:%s' "$PASSWORD" | base64 -w0)"
start 5m
SLUG=$(curl -s "$BASE/api/v1/members?size=1" | sed -E 's/.*"slug":"([^"]+)".*/\1/')
echo "/api/v1/members/$SLUG" >"$WORK/paths"
log "warming up"
wrk -t2 -c"$BENCH_CONNECTIONS" -d5s -s "$HERE/paths.lua" "$BASE" -- "$WORK/paths" >/dev/null 2>&1 || true
wrk -t2 -c"$BENCH_CONNECTIONS" -d5s -s "$HERE/paths.lua" -H "$AUTH" "$BASE" -- "$WORK/paths" >/dev/null 2>&1 || true
{
    echo "Login cost, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "wrk -t2 -c$BENCH_CONNECTIONS -d$BENCH_DURATION on GET /api/v1/members/$SLUG"
    printf '%-28s %9s %9s %9s %9s\n' request "req/s" "p50 ms" "p99 ms" "non-2xx"
    run "anonymous (public view)"
    run "admin, verification cached" -H "$AUTH"
    service_stop
    start 0
    run "admin, bcrypt every request" -H "$AUTH"
}
