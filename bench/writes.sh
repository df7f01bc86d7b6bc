#!/usr/bin/env bash
# The write benchmark: what durability costs. One service per variant of the H2 settings, on fresh data
# folders; in each round BENCH_WRITERS concurrent writers create members on each service in turn for
# BENCH_WRITE_SECONDS (after a warm-up); the median creates/s per variant and the ratio to the first
# variant at the end. See bench/README.md.
#
#   bash bench/writes.sh                       # before and after, 3 rounds
#   BENCH_WRITE_VARIANTS="before nofsync after" BENCH_RUNS=5 bash bench/writes.sh
#
# Variants: before = the settings up to issue 8 (H2's default WRITE_DELAY of 500 ms, no fsync);
# nofsync = WRITE_DELAY=0 only (survives a killed process, not a power cut); after = the defaults
# (WRITE_DELAY=0 and an fsync, shared by concurrent writers, before a write is acknowledged).
set -euo pipefail

usage() {
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'USAGE'

Settings (environment):
  BENCH_APP             a built quarkus-app folder (H2 build); default: target/quarkus-app, built when missing
  BENCH_JAVA_OPTS       JVM options of the service (default: the service's recommended ones, see the README)
  BENCH_WRITE_VARIANTS  default "before after"; the first one is the base of the ratio
  BENCH_RUNS            rounds (default 3); BENCH_WRITERS concurrent writers (default 4)
  BENCH_WRITE_SECONDS   measured seconds per run (default 15); BENCH_WARMUP_SECONDS (default 10)
  BENCH_PORT            first port to try (default 18090; the next free ones are used, two per variant)
  BENCH_RESULTS_DIR     where the results table is kept (default: ${TMPDIR:-/tmp}/directory-write-bench)
  BENCH_KEEP=1          keep the temp folder (databases, logs) for a look afterwards
USAGE
}
[[ $# -eq 0 ]] || { usage >&2; exit 2; }
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

source "$HERE/bench.sh"
BENCH_WRITE_VARIANTS=${BENCH_WRITE_VARIANTS:-before after}
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_WRITERS=${BENCH_WRITERS:-4}
BENCH_WRITE_SECONDS=${BENCH_WRITE_SECONDS:-15}
BENCH_WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-10}
BENCH_RESULTS_DIR=${BENCH_RESULTS_DIR:-${TMPDIR:-/tmp}/directory-write-bench}
BENCH_READY_TIMEOUT=${BENCH_READY_TIMEOUT:-300}


for tool in "$JAVA" node curl awk; do
    command -v "$tool" >/dev/null || die "$tool is needed"
done
for variant in $BENCH_WRITE_VARIANTS; do
    case $variant in before|nofsync|after) ;; *) die "unknown variant $variant (before, nofsync, after)" ;; esac
done

# --- the application -------------------------------------------------------------------------------------
bench_app

# --- temp folder, and cleaning up whatever happens --------------------------------------------------------
bench_workdir write
declare -A PIDS=() PORTS=() MPORTS=()

bench_service "$WORK"
SERVICE_READY_TIMEOUT=$BENCH_READY_TIMEOUT

# --- the services: one per variant, each on a fresh data folder (health on a management port of its own) -
port=$BENCH_PORT
for variant in $BENCH_WRITE_VARIANTS; do
    service_ports "$port" || die "no free ports from $port"
    PORTS[$variant]=$SERVICE_PORT
    MPORTS[$variant]=$SERVICE_MANAGEMENT_PORT
    data=$WORK/$variant
    settings=()
    case $variant in
        before) settings=("QUARKUS_DATASOURCE_JDBC_URL=jdbc:h2:file:$data/directory;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=16384"
                          DIRECTORY_H2_FSYNC=false) ;;
        nofsync) settings=(DIRECTORY_H2_FSYNC=false) ;;
        after) settings=() ;;
    esac
    service_start "$data" "$data/app.log" \
        -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME -u QUARKUS_DATASOURCE_PASSWORD \
        -u DIRECTORY_SEARCH_INDEX_DIR -u DIRECTORY_DEMO_DATA -u DIRECTORY_H2_FSYNC -u QUARKUS_PROFILE "${settings[@]}"
    PIDS[$variant]=$SERVICE_PID
    port=$((SERVICE_MANAGEMENT_PORT + 1))
done
for variant in $BENCH_WRITE_VARIANTS; do
    service_wait_ready "$BENCH_READY_TIMEOUT" "${PIDS[$variant]}" "${MPORTS[$variant]}" "$WORK/$variant/app.log" \
        || die "$variant: the service did not get ready (log above)"
    log "$variant ready on port ${PORTS[$variant]}"
done

# Each variant's writers in turn (the others idle meanwhile), so that one variant's CPU work cannot hide
# another's waiting for the disk; rounds interleave the variants, so a shared machine's drifting load
# weighs on each alike. $1 seconds, $2 name prefix, $3 round (results in $WORK/<variant>/<round>.json).
write_all() {
    local variant
    for variant in $BENCH_WRITE_VARIANTS; do
        node "$HERE/writes.mjs" "http://127.0.0.1:${PORTS[$variant]}" admin "$ADMIN_PASSWORD" "$BENCH_WRITERS" "$1" "$2" \
            >"$WORK/$variant/$3.json"
    done
}

write_all "$BENCH_WARMUP_SECONDS" Warmup warmup
declare -A RATES=() P50=() P99=() ERRORS=()
for round in $(seq 1 "$BENCH_RUNS"); do
    write_all "$BENCH_WRITE_SECONDS" "Round$round" "$round"
    for variant in $BENCH_WRITE_VARIANTS; do
        json=$(cat "$WORK/$variant/$round.json")
        log "round $round $variant: $json"
        field() { sed -E "s/.*\"$1\":([0-9.]+).*/\1/" <<<"$json"; }
        RATES[$variant]+="$(field perSecond) "
        P50[$variant]+="$(field p50ms) "
        P99[$variant]+="$(field p99ms) "
        ERRORS[$variant]=$(( ${ERRORS[$variant]:-0} + $(field errors) ))
    done
done
service_stop_all

median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
mkdir -p "$BENCH_RESULTS_DIR"
RESULTS=$BENCH_RESULTS_DIR/writes-$(date +%Y%m%d-%H%M%S).txt
first=${BENCH_WRITE_VARIANTS%% *}
base_rate=$(median "${RATES[$first]}")
{
    echo "write benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg),"
    echo "$BENCH_WRITERS writers per variant creating members for ${BENCH_WRITE_SECONDS}s after ${BENCH_WARMUP_SECONDS}s of warm-up, $BENCH_RUNS rounds, variants in turn; JVM $BENCH_JAVA_OPTS"
    printf '| %-8s | %-22s | %-14s | %-13s | %-13s | %-6s |\n' variant "creates/s (each run)" "median creates/s" "vs $first" "p50 / p99 ms" errors
    for variant in $BENCH_WRITE_VARIANTS; do
        rate=$(median "${RATES[$variant]}")
        printf '| %-8s | %-22s | %-14s | %-13s | %-13s | %-6s |\n' "$variant" "${RATES[$variant]% }" "$rate" \
            "$(awk -v a="$rate" -v b="$base_rate" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')" \
            "$(median "${P50[$variant]}") / $(median "${P99[$variant]}")" "${ERRORS[$variant]}"
    done
} | tee "$RESULTS"
log "results kept in $RESULTS"
