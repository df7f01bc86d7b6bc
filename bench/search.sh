#!/usr/bin/env bash
# The search benchmark: N synthetic members in a fresh H2 database, the index rebuilt from it, then wrk
# against GET /api/v1/members for each scenario. See bench/README.md.
#
#   bash bench/search.sh 10000
#   BENCH_APP=/tmp/bench-app BENCH_DURATION=60s bash bench/search.sh 100000
#
# Nothing is written into the repository: the data, logs and paths live in a temp folder that is removed
# on exit (also on Ctrl-C); the results table is printed and kept in $BENCH_RESULTS_DIR.
set -euo pipefail

usage() {
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'

Settings (environment):
  BENCH_APP            a built quarkus-app folder (H2 build); default: target/quarkus-app, built when missing
  BENCH_JAVA_OPTS      JVM options of the service (default: the service's recommended ones, see the README)
  BENCH_DURATION       wrk duration per scenario (default 20s); BENCH_WARMUP (default 10s, mixed scenario)
  BENCH_CONNECTIONS    wrk connections (default 16); BENCH_THREADS wrk threads (default 2)
  BENCH_TIMEOUT        wrk request timeout (default 10s)
  BENCH_SCENARIOS      default: "health text filtered sorted deep mixed"
  BENCH_SEED           data and query seed (default 1); BENCH_PATHS_COUNT paths per scenario (default 2000)
  BENCH_PORT           first port to try (default 18090; the next free one up to +40 is used; the
                       management interface, with health, takes the next free one after it)
  BENCH_CHECK_SAMPLE   paths per scenario checked one by one before the run (default 150; all; 0 skips)
  BENCH_RESULTS_DIR    where the results table is kept (default: ${TMPDIR:-/tmp}/directory-search-bench)
  BENCH_KEEP=1         keep the temp folder (database, logs, wrk output) for a look afterwards
EOF
}

if [[ $# -ne 1 || ! $1 =~ ^[0-9]+$ ]]; then
    usage >&2
    exit 2
fi
N=$1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

source "$HERE/bench.sh"
BENCH_DURATION=${BENCH_DURATION:-20s}
BENCH_WARMUP=${BENCH_WARMUP:-10s}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-16}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-10s}
BENCH_SCENARIOS=${BENCH_SCENARIOS:-health text filtered sorted deep mixed}
BENCH_SEED=${BENCH_SEED:-1}
BENCH_PATHS_COUNT=${BENCH_PATHS_COUNT:-2000}
BENCH_CHECK_SAMPLE=${BENCH_CHECK_SAMPLE:-150}
BENCH_RESULTS_DIR=${BENCH_RESULTS_DIR:-${TMPDIR:-/tmp}/directory-search-bench}
BENCH_READY_TIMEOUT=${BENCH_READY_TIMEOUT:-600}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# --- tools -----------------------------------------------------------------------------------------------
bench_tools

# --- the application -------------------------------------------------------------------------------------
bench_app
H2_LIB=$(find "$APP/lib/main" -maxdepth 1 -name 'com.h2database.h2-*.jar' | head -n 1)
H2_VERSION=$(basename "$H2_LIB" .jar)
H2_VERSION=${H2_VERSION#com.h2database.h2-}
H2_JAR=$HOME/.m2/repository/com/h2database/h2/$H2_VERSION/h2-$H2_VERSION.jar
[[ -f $H2_JAR ]] || H2_JAR=$H2_LIB   # the very same jar the service uses

# --- temp folder, and cleaning up whatever happens --------------------------------------------------------
SAMPLER_PID=
bench_cleanup_extra() {  # the memory sampler, when one runs
    if [[ -n $SAMPLER_PID ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
}
bench_workdir search

bench_service "$WORK"
DATA=$WORK/data
mkdir -p "$DATA" "$WORK/paths"

# The service: the copied app on the first free ports from BENCH_PORT (health, the baseline scenario, is on
# the management interface), and only the settings below: no datasource from the caller's environment.
SERVICE_READY_TIMEOUT=$BENCH_READY_TIMEOUT
service_ports "$BENCH_PORT" || die "no free ports from $BENCH_PORT"
PORT=$SERVICE_PORT BASE=$SERVICE_BASE OPS=$SERVICE_OPS

start_service() {  # $1: log file
    service_start "$DATA" "$1" -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME \
        -u QUARKUS_DATASOURCE_PASSWORD -u DIRECTORY_SEARCH_INDEX_DIR -u DIRECTORY_DEMO_DATA -u QUARKUS_PROFILE
}

wait_ready() {
    service_wait_ready || die "the service did not get ready (log above)"
    READY_MS=$SERVICE_READY_MS
}

log "N=$N, app $APP, H2 $H2_VERSION, port $PORT, work folder $WORK"
log "first start: Flyway creates the schema"
start_service "$WORK/first.log"
wait_ready
grep -q 'jdbc:h2:file:' "$WORK/first.log" || die "the service did not open an H2 file database: not the H2 build? (see $WORK/first.log)"
service_stop

# --- data ------------------------------------------------------------------------------------------------
log "generating $N members (seed $BENCH_SEED)"
t=$(now_ms)
python3 "$HERE/generate.py" "$N" --seed "$BENCH_SEED" --out "$WORK/members.sql"
GENERATE_MS=$(( $(now_ms) - t ))
SQL_MB=$(awk -v b="$(wc -c <"$WORK/members.sql")" 'BEGIN { printf "%.0f", b / 1048576 }')
log "loading ${SQL_MB} MB of SQL with H2 RunScript"
t=$(now_ms)
# Quarkus sets no user for the H2 datasource, so H2 made the database with the empty user name and an
# empty password. RunScript's default user is "sa", which would be refused: name the empty user.
"$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$DATA/directory" -user "" -password "" \
    -script "$WORK/members.sql" || die "loading the SQL failed"
LOAD_MS=$(( $(now_ms) - t ))
rm -f "$WORK/members.sql"

# The generated SQL leaves out what the service derives itself (the members' name keys): a start of its own fills
# them in (MemberUpgrade, 100,000 updates at 100,000 members), so that the measured start rebuilds the index alone,
# on a database as a running directory has it, not one just bulk-updated.
log "second start: the service completes the loaded members (name keys)"
start_service "$WORK/upgrade.log"
wait_ready
service_stop
rm -rf "$DATA/index"
# Loading and completing 100,000 members leave H2's file mostly old versions (about 1.5 GB at 100,000), which H2
# compacts in the background over the next minutes, competing with the searches measured. A directory that has been
# running has a compact file: SHUTDOWN COMPACT makes it so now (H2's own offline compaction).
t=$(now_ms)
before_mb=$(du -m "$DATA/directory.mv.db" | cut -f1)
"$JAVA" -cp "$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$DATA/directory" -user "" -password "" \
    -sql "SHUTDOWN COMPACT" >/dev/null || die "compacting the database failed"
log "database file compacted: $before_mb MB -> $(du -m "$DATA/directory.mv.db" | cut -f1) MB in $(( $(now_ms) - t )) ms"

log "third start: the index is rebuilt from the database"
start_service "$WORK/service.log"
wait_ready
BUILD_LINE=$(grep -o 'Search index built from the database: [0-9]* members in [0-9]* ms' "$WORK/service.log" | tail -n 1 || true)
[[ -n $BUILD_LINE ]] || die "no 'Search index built from the database' line in the log: the index was not rebuilt"
INDEXED=$(awk '{ print $7 }' <<<"$BUILD_LINE")
INDEX_MS=$(awk '{ print $10 }' <<<"$BUILD_LINE")
[[ $INDEXED == "$N" ]] || log "WARNING: the index has $INDEXED members, not $N"
QUARKUS_STARTED=$(grep -o 'started in [0-9.]*s' "$WORK/service.log" | head -n 1 | awk '{ print $3 }' || true)
SEARCH_READY_MS=$(grep -o 'Search ready in [0-9]* ms' "$WORK/service.log" | tail -n 1 | awk '{ print $4 }' || true)
REBUILD_READY_MS=$READY_MS
log "index built: $INDEXED members in $INDEX_MS ms; ready ${READY_MS} ms after launch"

# --- requests --------------------------------------------------------------------------------------------
python3 "$HERE/queries.py" --seed "$BENCH_SEED" --count "$BENCH_PATHS_COUNT" --out "$WORK/paths" >/dev/null
echo "/q/health/live" >"$WORK/paths/health.paths"
CHECK_STATUS=ok
if [[ $BENCH_CHECK_SAMPLE != 0 ]]; then
    log "checking $BENCH_CHECK_SAMPLE paths of each scenario one by one"
    sample=$BENCH_CHECK_SAMPLE
    [[ $sample == all ]] && sample=0
    if ! python3 "$HERE/check_paths.py" "$BASE" --sample "$sample" \
        "$WORK"/paths/{text,filtered,sorted,deep}.paths | tee "$WORK/check.txt" >&2; then
        CHECK_STATUS="FAILED: some requests were not answered 200 (see above)"
        log "WARNING: $CHECK_STATUS"
    fi
fi

run_wrk() {  # $1: paths file, $2: duration, $3: output file, $4: base URL (default: the API's)
    wrk -t "$BENCH_THREADS" -c "$BENCH_CONNECTIONS" -d "$2" --timeout "$BENCH_TIMEOUT" --latency \
        -s "$HERE/paths.lua" "${4:-$BASE}" -- "$1" >"$3" 2>&1 || true
}

sample_rss() {  # appends the service's resident set size (kB) to $1 every 0.5 s while it runs
    local rss
    while rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVICE_PID/status" 2>/dev/null) && [[ -n $rss ]]; do
        echo "$rss" >>"$1"
        sleep 0.5
    done
}

if [[ $BENCH_WARMUP != 0 && $BENCH_WARMUP != 0s ]]; then
    log "warming up: $BENCH_WARMUP of the mixed scenario"
    run_wrk "$WORK/paths/mixed.paths" "$BENCH_WARMUP" "$WORK/wrk-warmup.txt"
fi

declare -A RESULT RSS
for scenario in $BENCH_SCENARIOS; do
    [[ -f $WORK/paths/$scenario.paths ]] || die "unknown scenario '$scenario'"
    log "$scenario: wrk -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION"
    sample_rss "$WORK/rss-$scenario" &
    SAMPLER_PID=$!
    base=$BASE
    [[ $scenario == health ]] && base=$OPS
    run_wrk "$WORK/paths/$scenario.paths" "$BENCH_DURATION" "$WORK/wrk-$scenario.txt" "$base"
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=
    RESULT[$scenario]=$(grep '^BENCH_RESULT' "$WORK/wrk-$scenario.txt" | tail -n 1 || true)
    RSS[$scenario]=$(awk '$1 > max { max = $1 } END { print max + 0 }' "$WORK/rss-$scenario" 2>/dev/null || echo 0)
    if [[ -z ${RESULT[$scenario]} ]]; then
        cat "$WORK/wrk-$scenario.txt" >&2
        log "WARNING: wrk gave no result for $scenario (output above)"
    fi
    grep -h '^WARNING' "$WORK/wrk-$scenario.txt" >&2 || true
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -n 40 "$WORK/service.log" >&2; die "the service died during $scenario"; }
done

# --- erasure -------------------------------------------------------------------------------------------
# A curator erases one member: how long the DELETE takes, and how long the index then needs to merge the
# deleted document out of its segment files (the follower's next poll; logged by the service).
ERASE_LINE="not measured"
ERASE_ID=$(curl -s "$BASE/api/v1/members?size=1&sort=newest" | python3 -c 'import json, sys; print(json.load(sys.stdin)["items"][0]["id"])' || true)
if [[ -n $ERASE_ID ]]; then
    t=$(now_ms)
    code=$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$ADMIN_PASSWORD" -X DELETE "$BASE/api/v1/members/$ERASE_ID" || true)
    ERASE_MS=$(( $(now_ms) - t ))
    PURGE_MS=
    for _ in $(seq 1 300); do
        PURGE_MS=$(grep -o 'Deleted members purged from the search index in [0-9]* ms' "$WORK/service.log" | tail -n 1 | awk '{ print $9 }' || true)
        [[ -n $PURGE_MS ]] && break
        sleep 0.2
    done
    ERASE_LINE="DELETE answered $code in $ERASE_MS ms; index purged (segments rewritten) in ${PURGE_MS:-? (not within 60 s)} ms"
    log "erasure: $ERASE_LINE"
fi

# --- restart -------------------------------------------------------------------------------------------
# A restart on the persisted index, as an orchestrator restarts the service: SIGTERM (the index is committed at
# shutdown), then a new launch, which opens the index and catches up from its commit instead of rebuilding it.
log "restart: stopping the service and starting it again on its persisted index"
service_stop
start_service "$WORK/restart.log"
wait_ready
RESTART_MS=$READY_MS
RESTART_QUARKUS=$(grep -o 'started in [0-9.]*s' "$WORK/restart.log" | head -n 1 | awk '{ print $3 }' || true)
RESTART_SEARCH=$(grep -o 'Search ready in [0-9]* ms' "$WORK/restart.log" | tail -n 1 | awk '{ print $4 }' || true)
RESTART_HOW="persisted index opened"
if grep -q 'Search index built from the database' "$WORK/restart.log"; then
    RESTART_HOW="the index was REBUILT, not reopened"
    log "WARNING: $RESTART_HOW (see $WORK/restart.log)"
fi
log "restart: ready ${RESTART_MS} ms after launch ($RESTART_HOW)"

# --- the table -------------------------------------------------------------------------------------------
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }
DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ)
HEALTH_RPS=$(field "${RESULT[health]:-}" rps)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "?")
git -C "$ROOT" diff --quiet HEAD -- src 2>/dev/null || COMMIT="$COMMIT (src has uncommitted changes)"
RESULTS_FILE=$BENCH_RESULTS_DIR/search-$N-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p "$BENCH_RESULTS_DIR"
{
    echo "Search benchmark, $DATE"
    echo "members            $N (seed $BENCH_SEED; generated in $GENERATE_MS ms, ${SQL_MB} MB SQL loaded in $LOAD_MS ms)"
    echo "index build        $INDEX_MS ms ($INDEXED members)"
    echo "ready after        $REBUILD_READY_MS ms (launch to /q/health/ready 200; Quarkus started in ${QUARKUS_STARTED:-?}, search ready in ${SEARCH_READY_MS:-?} ms)"
    echo "restart            ready after $RESTART_MS ms ($RESTART_HOW; Quarkus started in ${RESTART_QUARKUS:-?}, search ready in ${RESTART_SEARCH:-?} ms)"
    echo "JVM options        $BENCH_JAVA_OPTS ($("$JAVA" -version 2>&1 | head -n 1))"
    echo "wrk                -t$BENCH_THREADS -c$BENCH_CONNECTIONS -d$BENCH_DURATION --timeout $BENCH_TIMEOUT, warm-up $BENCH_WARMUP mixed"
    echo "machine            $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "app                $APP (dated $(date -u -r "$APP/quarkus-run.jar" +%Y-%m-%dT%H:%M:%SZ); repository now at $COMMIT)"
    echo "path check         $CHECK_STATUS"
    echo "erasure            $ERASE_LINE"
    echo
    printf '%-9s %9s %9s %9s %9s %8s %10s %9s\n' scenario "req/s" "p50 ms" "p99 ms" "non-2xx" "sock err" "vs health" "max RSS"
    for scenario in $BENCH_SCENARIOS; do
        r=${RESULT[$scenario]:-}
        if [[ -z $r ]]; then
            printf '%-9s %9s\n' "$scenario" "no result"
            continue
        fi
        rps=$(field "$r" rps)
        sock=$(( $(field "$r" connect) + $(field "$r" read) + $(field "$r" write) + $(field "$r" timeout) ))
        ratio=$(awk -v a="$rps" -v b="${HEALTH_RPS:-0}" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }')
        rss=$(awk -v k="${RSS[$scenario]:-0}" 'BEGIN { if (k > 0) printf "%.0f MB", k / 1024; else print "?" }')
        printf '%-9s %9s %9s %9s %9s %8s %10s %9s\n' "$scenario" "$rps" "$(field "$r" p50_ms)" "$(field "$r" p99_ms)" \
            "$(field "$r" non2xx)" "$sock" "$ratio" "$rss"
        statuses=$(field "$r" statuses)
        [[ $statuses == - ]] || echo "          statuses other than 2xx: $statuses"
    done
} | tee "$RESULTS_FILE"
echo
log "results kept in $RESULTS_FILE"
