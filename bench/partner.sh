#!/usr/bin/env bash
# Partner traffic: many clients repeating popular searches with If-None-Match (what a partner site's cache
# sends once max-age has passed), against the same searches in full, in the same run. See bench/README.md.
#
#   bash bench/partner.sh            # 10,000 members, 3 rounds of 10 s per mode
#   BENCH_ROUNDS=5 BENCH_DURATION=20s bash bench/partner.sh 100000
#
# Nothing is written into the repository: the data, logs and paths live in a temp folder that is removed on
# exit (also on Ctrl-C); the results table is printed and kept in $BENCH_RESULTS_DIR.
set -euo pipefail

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'USAGE'

Settings (environment):
  BENCH_APP            a built quarkus-app folder (H2 build); default: target/quarkus-app, built when missing
  BENCH_JAVA_OPTS      JVM options of the service (default: the service's recommended ones, see bench/bench.sh)
  BENCH_ROUNDS         rounds of the three modes (default 3); the table shows medians over them
  BENCH_DURATION       wrk duration per mode and round (default 10s); BENCH_WARMUP (default 5s)
  BENCH_CONNECTIONS    wrk connections, the partner clients (default 64); BENCH_THREADS wrk threads (default 2)
  BENCH_POPULAR        how many popular queries partners repeat (default 40: half text, half filters)
  BENCH_SHARE          in the partner mode, the share of requests for a popular query (default 0.8)
  BENCH_SEED           data and query seed (default 1); BENCH_PORT first port to try (default 18090)
  BENCH_RESULTS_DIR    where the table is kept (default: ${TMPDIR:-/tmp}/directory-partner-bench)
  BENCH_KEEP=1         keep the temp folder
USAGE
}

N=${1:-10000}
[[ $N =~ ^[0-9]+$ && $# -le 1 ]] || { usage >&2; exit 2; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

source "$HERE/bench.sh"
BENCH_ROUNDS=${BENCH_ROUNDS:-3}
BENCH_DURATION=${BENCH_DURATION:-10s}
BENCH_WARMUP=${BENCH_WARMUP:-5s}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-64}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_POPULAR=${BENCH_POPULAR:-40}
BENCH_SHARE=${BENCH_SHARE:-0.8}
BENCH_SEED=${BENCH_SEED:-1}
BENCH_RESULTS_DIR=${BENCH_RESULTS_DIR:-${TMPDIR:-/tmp}/directory-partner-bench}
MODES="full revalidate partner"

bench_tools

bench_app
H2_JAR=$(find "$APP/lib/main" -maxdepth 1 -name 'com.h2database.h2-*.jar' | head -n 1)

bench_workdir partner

bench_service "$WORK"
DATA=$WORK/data
mkdir -p "$DATA" "$WORK/paths"
service_ports "$BENCH_PORT" || die "no free ports from $BENCH_PORT"
BASE=$SERVICE_BASE

start_service() {  # $1: log file
    service_start "$DATA" "$1" -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME \
        -u QUARKUS_DATASOURCE_PASSWORD -u DIRECTORY_SEARCH_INDEX_DIR -u DIRECTORY_DEMO_DATA -u QUARKUS_PROFILE
}

log "N=$N, app $APP, port $SERVICE_PORT, work folder $WORK"
start_service "$WORK/first.log"
service_wait_ready || die "the service did not get ready"
service_stop
log "generating and loading $N members (seed $BENCH_SEED)"
python3 "$HERE/generate.py" "$N" --seed "$BENCH_SEED" --out "$WORK/members.sql"
"$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$DATA/directory" -user "" -password "" \
    -script "$WORK/members.sql" || die "loading the SQL failed"
rm -f "$WORK/members.sql"
rm -rf "$DATA/index"
start_service "$WORK/service.log"
service_wait_ready || die "the service did not get ready"

# --- the queries: popular ones with the tags the service gives them now, and the long tail -------------------
python3 "$HERE/queries.py" --seed "$BENCH_SEED" --count 2000 --out "$WORK/paths" >/dev/null
half=$(( BENCH_POPULAR / 2 ))
{ head -n "$half" "$WORK/paths/text.paths"; head -n $(( BENCH_POPULAR - half )) "$WORK/paths/filtered.paths"; } \
    >"$WORK/popular.paths"
: >"$WORK/popular.tsv"
while read -r path; do
    etag=$(curl -s -o /dev/null -D - "$BASE$path" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" { print $2 }')
    [[ -n $etag ]] || die "no ETag for $path"
    printf '%s\t%s\n' "$path" "$etag" >>"$WORK/popular.tsv"
done <"$WORK/popular.paths"
first_path=$(head -n 1 "$WORK/popular.tsv" | cut -f1)
first_tag=$(head -n 1 "$WORK/popular.tsv" | cut -f2)
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $first_tag" "$BASE$first_path")
[[ $code == 304 ]] || die "If-None-Match with the current tag answered $code, not 304"
tail -n +"$(( BENCH_POPULAR + 1 ))" "$WORK/paths/mixed.paths" >"$WORK/tail.paths"
log "$(wc -l <"$WORK/popular.tsv") popular queries tagged; $(wc -l <"$WORK/tail.paths") long-tail paths"

run_wrk() {  # $1: mode, $2: duration, $3: output file
    wrk -t "$BENCH_THREADS" -c "$BENCH_CONNECTIONS" -d "$2" --timeout 10s --latency -s "$HERE/partner.lua" "$BASE" \
        -- "$1" "$WORK/popular.tsv" "$WORK/tail.paths" "$BENCH_SHARE" >"$3" 2>&1 || true
}

log "warming up: $BENCH_WARMUP of each mode"
for mode in $MODES; do run_wrk "$mode" "$BENCH_WARMUP" "$WORK/warmup-$mode.txt"; done
for round in $(seq 1 "$BENCH_ROUNDS"); do
    for mode in $MODES; do
        log "round $round: $mode, wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION"
        run_wrk "$mode" "$BENCH_DURATION" "$WORK/wrk-$mode-$round.txt"
        grep '^BENCH_RESULT' "$WORK/wrk-$mode-$round.txt" >>"$WORK/results-$mode.txt" \
            || { cat "$WORK/wrk-$mode-$round.txt" >&2; die "wrk gave no result for $mode"; }
        kill -0 "$SERVICE_PID" 2>/dev/null || die "the service died during $mode"
    done
done

# --- the table: medians over the rounds ------------------------------------------------------------------------
median() {  # $1: field, $2: results file
    sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$2" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
total() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" "$2" | awk '{ s += $1 } END { print s + 0 }'; }
FULL_RPS=$(median rps "$WORK/results-full.txt")
RESULTS_FILE=$BENCH_RESULTS_DIR/partner-$N-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p "$BENCH_RESULTS_DIR"
{
    echo "Partner traffic benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "members            $N (seed $BENCH_SEED); $BENCH_POPULAR popular queries; partner mode: $BENCH_SHARE popular"
    echo "wrk                -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION, $BENCH_ROUNDS rounds (medians), warm-up $BENCH_WARMUP per mode"
    echo "JVM options        $BENCH_JAVA_OPTS"
    echo "machine            $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "repository         $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
    echo
    printf '%-11s %9s %8s %8s %9s %9s %7s %7s %8s\n' mode "req/s" "p50 ms" "p99 ms" "200" "304" "other" "304 %" "vs full"
    for mode in $MODES; do
        f=$WORK/results-$mode.txt
        rps=$(median rps "$f")
        s200=$(total s200 "$f") s304=$(total s304 "$f") other=$(( $(total other "$f") + $(total socket "$f") ))
        printf '%-11s %9s %8s %8s %9s %9s %7s %7s %8s\n' "$mode" "$rps" "$(median p50_ms "$f")" "$(median p99_ms "$f")" \
            "$s200" "$s304" "$other" \
            "$(awk -v a="$s304" -v b="$(( s200 + s304 + other ))" 'BEGIN { printf "%.1f", b ? 100 * a / b : 0 }')" \
            "$(awk -v a="$rps" -v b="$FULL_RPS" 'BEGIN { printf "%.2f", b ? a / b : 0 }')"
    done
    echo
    echo "full: popular searches without If-None-Match; revalidate: the same with their ETag (304 expected);"
    echo "partner: $BENCH_SHARE of requests popular with If-None-Match, the rest long-tail searches without."
} | tee "$RESULTS_FILE"
log "results kept in $RESULTS_FILE"
