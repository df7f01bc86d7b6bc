#!/usr/bin/env bash
# The bulk import and export benchmark. N synthetic members (bench/generate.py) are loaded into a fresh H2 database;
# the service exports them as CSV and as NDJSON while the JVM's heap is sampled; then a second service on an empty
# database imports the CSV export (POST /api/v1/imports), and the job is timed from the request to "done", after
# which every member must be found by the search. See bench/README.md.
#
#   bash bench/import.sh 100000
#   BENCH_APP=/tmp/app bash bench/import.sh 10000
#
# Nothing is written into the repository: the data, logs and files live in a temp folder that is removed on exit.
set -euo pipefail

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
    cat <<'EOF'

Settings (environment):
  BENCH_APP            a built quarkus-app folder (H2 build); default: target/quarkus-app, built when missing
  BENCH_JAVA_OPTS      JVM options of the service (default: the service's recommended ones, -Xmx150m, see the README)
  BENCH_SEED           data seed (default 1)
  BENCH_IMPORT_TIMEOUT seconds the import may take before the run gives up (default 900)
  BENCH_PORT           first port to try (default 18090)
  BENCH_KEEP=1         keep the temp folder (databases, logs, files) for a look afterwards
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
BENCH_SEED=${BENCH_SEED:-1}
BENCH_IMPORT_TIMEOUT=${BENCH_IMPORT_TIMEOUT:-900}
BENCH_RESULTS_DIR=${BENCH_RESULTS_DIR:-${TMPDIR:-/tmp}/directory-import-bench}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

for tool in "$JAVA" jstat python3 curl awk jq; do
    command -v "$tool" >/dev/null || die "$tool is needed"
done
bench_app
H2_JAR=$(find "$APP/lib/main" -maxdepth 1 -name 'com.h2database.h2-*.jar' | head -n 1)

SAMPLER_PID=
bench_cleanup_extra() {
    if [[ -n $SAMPLER_PID ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
}
bench_workdir import
bench_service "$WORK"
service_ports "$BENCH_PORT" || die "no free ports from $BENCH_PORT"
BASE=$SERVICE_BASE
AUTH=(-u "admin:$ADMIN_PASSWORD")

start_service() {  # $1: data folder, $2: log file
    service_start "$1" "$2" -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME \
        -u QUARKUS_DATASOURCE_PASSWORD -u DIRECTORY_SEARCH_INDEX_DIR -u DIRECTORY_DEMO_DATA -u QUARKUS_PROFILE
    service_wait_ready 600 || die "the service did not get ready (log above)"
}

# The heap in use (eden + survivors + old, KiB) every 100 ms, and the old generation alone: what survives
# collections. A held file would show in the old generation's peak.
sample_heap() {  # $1: pid, $2: out file
    jstat -gc "$1" 100 2>/dev/null | awk 'NR > 1 { printf "%.0f %.0f\n", $3 + $4 + $6 + $8, $8; fflush() }' >"$2"
}
start_sampler() { sample_heap "$SERVICE_PID" "$1" & SAMPLER_PID=$!; }
stop_sampler() { kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }  # user + system
peak() { awk -v c="$2" '$c > max { max = $c } END { printf "%.0f", max / 1024 }' "$1"; }  # MiB

log "N=$N, app $APP, JVM options: $BENCH_JAVA_OPTS, work folder $WORK"

# --- the source directory: N members ---------------------------------------------------------------------
SOURCE=$WORK/source
start_service "$SOURCE" "$WORK/source-first.log"
service_stop
log "generating and loading $N members (seed $BENCH_SEED)"
python3 "$HERE/generate.py" "$N" --seed "$BENCH_SEED" --out "$WORK/members.sql"
"$JAVA" -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$SOURCE/directory" -user "" -password "" \
    -script "$WORK/members.sql" || die "loading the SQL failed"
rm -f "$WORK/members.sql"
rm -rf "$SOURCE/index"
start_service "$SOURCE" "$WORK/source.log"

# --- export ------------------------------------------------------------------------------------------------
export_one() {  # $1: csv or ndjson
    local file=$WORK/members.$1 t
    jcmd "$SERVICE_PID" GC.run >/dev/null
    start_sampler "$WORK/heap-export-$1"
    sleep 1
    t=$(now_ms)
    curl -fsS "${AUTH[@]}" -o "$file" "$BASE/api/v1/exports/members.$1" || die "the $1 export failed"
    EXPORT_MS[$1]=$(( $(now_ms) - t ))
    sleep 1
    stop_sampler
    jcmd "$SERVICE_PID" GC.run >/dev/null
    sleep 1
    EXPORT_AFTER[$1]=$(old_mib)
    EXPORT_BYTES[$1]=$(wc -c <"$file")
    EXPORT_HEAP[$1]=$(peak "$WORK/heap-export-$1" 1)
    EXPORT_OLD[$1]=$(peak "$WORK/heap-export-$1" 2)
    EXPORT_SAMPLES[$1]=$(wc -l <"$WORK/heap-export-$1")
    log "export $1: $(mib "${EXPORT_BYTES[$1]}") MiB in ${EXPORT_MS[$1]} ms; heap peak ${EXPORT_HEAP[$1]} MiB, old generation peak ${EXPORT_OLD[$1]} MiB"
}
declare -A EXPORT_MS EXPORT_BYTES EXPORT_HEAP EXPORT_OLD EXPORT_SAMPLES EXPORT_AFTER
old_mib() { jstat -gc "$SERVICE_PID" | awk 'NR == 2 { printf "%.0f", $8 / 1024 }'; }
jcmd "$SERVICE_PID" GC.run >/dev/null
sleep 1
IDLE_OLD=$(old_mib)
export_one csv
export_one ndjson
CSV_ROWS=$(( $(python3 -c "import csv,sys; csv.field_size_limit(10**7); print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''), delimiter=';')))" "$WORK/members.csv") - 1 ))
NDJSON_ROWS=$(wc -l <"$WORK/members.ndjson")
[[ $CSV_ROWS == "$N" ]] || die "the CSV export has $CSV_ROWS rows, not $N"
[[ $NDJSON_ROWS == "$N" ]] || die "the NDJSON export has $NDJSON_ROWS lines, not $N"
service_stop

# --- import into an empty directory ----------------------------------------------------------------------
TARGET=$WORK/target
start_service "$TARGET" "$WORK/target.log"
log "importing the CSV export ($(mib "${EXPORT_BYTES[csv]}") MiB) into an empty directory"
start_sampler "$WORK/heap-import"
CPU_BEFORE=$(cpu_s "$SERVICE_PID")
t=$(now_ms)
location=$(curl -fsS "${AUTH[@]}" -D - -o "$WORK/job.json" -H 'Content-Type: text/csv' \
    --data-binary "@$WORK/members.csv" "$BASE/api/v1/imports" | tr -d '\r' | awk -F': ' 'tolower($1) == "location" { print $2 }')
ACCEPTED_MS=$(( $(now_ms) - t ))
[[ -n $location ]] || die "no Location: $(cat "$WORK/job.json")"
[[ $location == http* ]] || location=$BASE$location
deadline=$(( SECONDS + BENCH_IMPORT_TIMEOUT ))
while :; do
    curl -fsS "${AUTH[@]}" -o "$WORK/job.json" "$location" || die "GET $location failed"
    status=$(jq -r .status "$WORK/job.json")
    [[ $status == done || $status == failed ]] && break
    (( SECONDS < deadline )) || die "the import did not end in ${BENCH_IMPORT_TIMEOUT} s: $(jq -c 'del(.problems)' "$WORK/job.json")"
    sleep 0.2
done
IMPORT_MS=$(( $(now_ms) - t ))
IMPORT_CPU=$(awk -v a="$CPU_BEFORE" -v b="$(cpu_s "$SERVICE_PID")" 'BEGIN { printf "%.1f", b - a }')
stop_sampler
jq -c 'del(.problems)' "$WORK/job.json" >&2
[[ $status == done ]] || die "the import failed: $(jq -c . "$WORK/job.json" | head -c 2000)"
CREATED=$(jq -r .created "$WORK/job.json")
FAILED=$(jq -r .failed "$WORK/job.json")
# Searchable as soon as the job says done: the first search after it must count every member.
FOUND=$(curl -fsS "$BASE/api/v1/members?size=1" | jq -r .total)
FOUND_TEXT=$(curl -fsS "$BASE/api/v1/members?size=1&q=$(jq -rn --arg s "$(head -c 100000 "$WORK/members.ndjson" | head -n 1 | jq -r .name)" '$s|@uri')" | jq -r .total)
IMPORT_HEAP=$(peak "$WORK/heap-import" 1)
IMPORT_OLD=$(peak "$WORK/heap-import" 2)
service_stop

# --- the export of the imported directory reads as the first one --------------------------------------------
# (the round trip at this size: same rows, compared without the columns the import gives anew: id, dates)
start_service "$TARGET" "$WORK/target2.log"
curl -fsS "${AUTH[@]}" -o "$WORK/again.csv" "$BASE/api/v1/exports/members.csv" || die "the second export failed"
service_stop
ROUND_TRIP=$(python3 - "$WORK/members.csv" "$WORK/again.csv" <<'EOF'
import csv, sys
csv.field_size_limit(10**7)
def rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        header = next(reader)
        skip = {i for i, h in enumerate(header) if h in ("id", "createdAt", "updatedAt", "version")}
        return sorted(tuple(c for i, c in enumerate(r) if i not in skip) for r in reader)
a, b = rows(sys.argv[1]), rows(sys.argv[2])
print("same" if a == b else f"DIFFERENT ({sum(1 for x, y in zip(a, b) if x != y)} rows differ, {len(a)} vs {len(b)})")
EOF
)

# --- results -----------------------------------------------------------------------------------------------
IMPORT_S=$(awk -v ms="$IMPORT_MS" 'BEGIN { printf "%.1f", ms / 1000 }')
RATE=$(awk -v n="$N" -v ms="$IMPORT_MS" 'BEGIN { printf "%.0f", n * 1000 / ms }')
mkdir -p "$BENCH_RESULTS_DIR"
RESULTS=$BENCH_RESULTS_DIR/import-$N-$(date +%Y%m%d-%H%M%S).md
{
    echo "## Bulk import and export, $N members ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, JVM: $BENCH_JAVA_OPTS)"
    echo
    echo "| step | figure |"
    echo "|---|---|"
    echo "| export CSV | $(mib "${EXPORT_BYTES[csv]}") MiB in ${EXPORT_MS[csv]} ms |"
    echo "| export NDJSON | $(mib "${EXPORT_BYTES[ndjson]}") MiB in ${EXPORT_MS[ndjson]} ms |"
    echo "| heap in use during the CSV export, peak | ${EXPORT_HEAP[csv]} MiB (${EXPORT_SAMPLES[csv]} samples) |"
    echo "| old generation after a full GC: before the exports / after the CSV / after the NDJSON | $IDLE_OLD / ${EXPORT_AFTER[csv]} / ${EXPORT_AFTER[ndjson]} MiB |"
    echo "| old generation, peak during the CSV / NDJSON export | ${EXPORT_OLD[csv]} / ${EXPORT_OLD[ndjson]} MiB |"
    echo "| import of the CSV into an empty directory, request to done | **$IMPORT_S s** ($RATE rows/s; 202 after $ACCEPTED_MS ms) |"
    echo "| CPU time of the service during the import (user + system) | $IMPORT_CPU s ($(awk -v c="$IMPORT_CPU" -v ms="$IMPORT_MS" 'BEGIN { printf "%.2f", c * 1000 / ms }') cores busy) |"
    echo "| created / failed | $CREATED / $FAILED |"
    echo "| found by the search right after done (all / by the first name) | $FOUND / $FOUND_TEXT |"
    echo "| heap in use during the import, peak / old generation peak | $IMPORT_HEAP / $IMPORT_OLD MiB |"
    echo "| export of the imported directory vs the first export | $ROUND_TRIP |"
} | tee "$RESULTS"
log "results kept in $RESULTS"
[[ $FOUND == "$N" && $CREATED == "$N" && $ROUND_TRIP == same ]] || die "the import did not reproduce the directory"
