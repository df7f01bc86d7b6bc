#!/usr/bin/env bash
# Battery part "soak": mixed reads and writes at 64 connections against the H2 jar with the README's memory settings,
# and whether its memory stays flat.
#
#   bench/battery/soak.sh                    # full form: 3,000 members, 300 s of load
#   BATTERY_SHORT=1 bench/battery/soak.sh    # short form (CI): 1,000 members, 45 s of load
#
# 1. The H2 jar (BATTERY_APP, default target/quarkus-app; a copy of it) with the README's JVM settings (-Xms150m
#    -Xmx150m -XX:+UseParallelGC ... -XX:Tier4CompileThreshold=30000) and MALLOC_ARENA_MAX=2, the public rate limit
#    out of reach (the load is one client), on ports the kernel hands out and a fresh data folder.
# 2. Members as the benchmarks load them (bench/search.sh): a first start makes the schema, bench/generate.py writes
#    SOAK_MEMBERS members as SQL, H2's RunScript loads it while the service is stopped, the second start builds the
#    index; the search paths are bench/queries.py's (the same seed).
# 3. soak-client.mjs (node 20): SOAK_CONNECTIONS (64) connections for BATTERY_SOAK_SECONDS; 60 searches, 25 member
#    reads (by id and slug), 15 suggestions in 100 reader requests; SOAK_WRITERS (4) of the connections are admins
#    who create members of their own, read each back for its ETag, PATCH it with If-Match and delete every other one.
# Passes with 0 errors (any answer but the expected 200/201/204, any socket error or timeout of 30 s) and (full form;
# SOAK_JUDGE_MEMORY=1 in the short one) memory flat after the warm-up: the median of the last third of the samples at
# most SOAK_FLAT_TOLERANCE (0.10 = 10 %) above the median of the second third, for the RSS and for the heap after GC
# (jvm_gc_live_data_size_bytes; the old generation's use when no full GC measured it).
# Output in BATTERY_OUT (target/battery/soak): soak.tsv (a row every SOAK_SAMPLE_SECONDS: full 15, short 5),
# plot.txt, summary.json, errors.jsonl, the service's log; the last line is `battery soak: ok|FAILED ...`.
set -euo pipefail
cd "$(dirname "$0")/../.."

SHORT=${BATTERY_SHORT:-0}
OUT=${BATTERY_OUT:-target/battery/soak}
APP=${BATTERY_APP:-target/quarkus-app}
if [[ $SHORT == 1 ]]; then
    SECONDS_LOAD=${BATTERY_SOAK_SECONDS:-45} MEMBERS=${SOAK_MEMBERS:-1000} SAMPLE=${SOAK_SAMPLE_SECONDS:-5}
    # 45 s do not get past the warm-up (the heap after GC still grows with the caches' first entries: 41 -> 50 MB in
    # one CI run), so the short form reports the memory and judges only the errors.
    JUDGE_MEMORY=${SOAK_JUDGE_MEMORY:-0}
else
    SECONDS_LOAD=${BATTERY_SOAK_SECONDS:-300} MEMBERS=${SOAK_MEMBERS:-3000} SAMPLE=${SOAK_SAMPLE_SECONDS:-15}
    JUDGE_MEMORY=${SOAK_JUDGE_MEMORY:-1}
fi
CONNECTIONS=${SOAK_CONNECTIONS:-64}
WRITERS=${SOAK_WRITERS:-4}

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
rm -f "$OUT"/{soak.tsv,plot.txt,summary.json,errors.jsonl,result.txt,service.log,first.log}
STARTED_AT=$SECONDS

result() {
    local line="battery soak: $1 $2"
    echo "$line" >"$OUT/result.txt"
    echo "$line"
}
log() { printf '[soak %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ ! -f $APP/quarkus-run.jar ]]; then
    echo "no $APP/quarkus-run.jar: build the H2 jar first: ./mvnw -B -ntp -q package -DskipTests" >&2
    exit 2
fi
H2_JAR=$(find "$APP/lib/main" -maxdepth 1 -name 'com.h2database.h2-*.jar' | head -n 1)
[[ -n $H2_JAR ]] || { echo "$APP has no H2 driver: not the H2 build?" >&2; exit 2; }
for tool in java node python3 curl; do
    command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

source .ci/service.sh
JAVA_OPTS=${SOAK_JAVA_OPTS:-$SERVICE_RECOMMENDED_JAVA_OPTS}
WORK=""
cleanup() {
    local rc=$?
    trap - EXIT
    service_stop_all
    [[ -z $WORK ]] || rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

WORK=$(mktemp -d "${TMPDIR:-/tmp}/directory-battery-soak.XXXXXX")
cp -r "$APP" "$WORK/app"
SERVICE_JAR=$WORK/app/quarkus-run.jar SERVICE_JAVA_OPTS=$JAVA_OPTS SERVICE_READY_TIMEOUT=300
SERVICE_ADMIN_PASSWORD="soak-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export MALLOC_ARENA_MAX=2
service_ports
start_service() {  # $1: log file. Only these settings: no datasource or profile from the caller's environment.
    service_start "$WORK/data" "$1" -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME \
        -u QUARKUS_DATASOURCE_PASSWORD -u DIRECTORY_SEARCH_INDEX_DIR -u DIRECTORY_DEMO_DATA -u QUARKUS_PROFILE \
        DIRECTORY_PUBLIC_RATE_LIMIT=1000000000
}

log "first start (the schema), then $MEMBERS members loaded with H2's RunScript"
start_service "$OUT/first.log"
service_wait_ready || { result FAILED "the service did not start"; exit 1; }
service_stop
python3 bench/generate.py "$MEMBERS" --seed 1 --out "$WORK/members.sql"
java -cp "$H2_JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$WORK/data/directory" -user "" -password "" \
    -script "$WORK/members.sql"
rm -f "$WORK/members.sql"
mkdir -p "$WORK/paths"
python3 bench/queries.py --seed 1 --count 2000 --out "$WORK/paths" >/dev/null
cat "$WORK"/paths/{text,filtered,sorted,deep,mixed}.paths | shuf --random-source=<(yes) >"$WORK/search.paths"

log "second start: the index is built from the database"
start_service "$OUT/service.log"
service_wait_ready || { result FAILED "the service did not start on the loaded database"; exit 1; }
log "load: $CONNECTIONS connections ($WRITERS writers) for $SECONDS_LOAD s, a sample every $SAMPLE s"
set +e
SOAK_BASE=$SERVICE_BASE SOAK_OPS=$SERVICE_OPS SOAK_USER=admin SOAK_PASSWORD=$SERVICE_ADMIN_PASSWORD SOAK_PID=$SERVICE_PID \
    SOAK_PATHS=$WORK/search.paths SOAK_CONNECTIONS=$CONNECTIONS SOAK_WRITERS=$WRITERS SOAK_SECONDS=$SECONDS_LOAD \
    SOAK_SAMPLE_SECONDS=$SAMPLE node bench/battery/soak-client.mjs "$OUT" >"$OUT/client.json" 2>"$OUT/client.err"
CLIENT_RC=$?
set -e
((CLIENT_RC == 0)) && [[ -s $OUT/summary.json ]] || { cat "$OUT/client.err" >&2; result FAILED "the load client failed"; exit 1; }
kill -0 "$SERVICE_PID" 2>/dev/null || { result FAILED "the service exited during the load"; exit 1; }
UNHANDLED=$(grep -c 'Unhandled error, reference' "$OUT/service.log" || true)

# The table over time, and a small plot of the RSS and the heap after GC.
column -t -s $'\t' "$OUT/soak.tsv" >&2
node -e '
const s = require(process.argv[1]);
const key = s.flat.liveMb ? "liveMb" : "oldMb";
const max = Math.max(...s.rows.map((r) => Math.max(r.rssMb, r.heapMb)));
const bar = (v, c) => c.repeat(Math.max(0, Math.round((v / max) * 50)));
const lines = [`t (s)  RSS (#), heap used (=), heap after GC (${key === "liveMb" ? "live data" : "old generation"}, *), scale ${max} MB = 50 characters`];
for (const r of s.rows) {
  lines.push(`${String(r.t).padStart(5)}  ${bar(r.rssMb, "#")} ${r.rssMb}`);
  lines.push(`${"".padStart(5)}  ${bar(r.heapMb, "=")} ${r.heapMb}`);
  lines.push(`${"".padStart(5)}  ${bar(r[key], "*")} ${r[key]}`);
}
console.log(lines.join("\n"));
' "$OUT/summary.json" >"$OUT/plot.txt"
cat "$OUT/plot.txt" >&2

FIGURES=$(node -e '
const s = require(process.argv[1]);
const kinds = Object.entries(s.kinds).map(([k, v]) => `${k} ${v.p50}/${v.p99}`).join(", ");
const flat = Object.entries(s.flat).map(([k, v]) => `${k} ${v.middle}->${v.last} (x${v.ratio}${v.flat ? "" : " NOT FLAT"})`).join(", ");
console.log(`${s.requests} requests in ${s.seconds} s at ${s.connections} connections (${s.rps} req/s), ${s.errors} errors;`
  + ` p50/p99 ms overall ${s.p50}/${s.p99}, ${kinds}; ${s.members} members read;`
  + ` memory, median of the second third -> last third (MB, tolerance +${s.tolerance * 100}%): ${flat}`);
' "$OUT/summary.json")
OK=$(node -e 'const s = require(process.argv[1]); console.log(s.errors === 0 && (process.argv[2] !== "1" || Object.values(s.flat).every((f) => f.flat)) ? 1 : 0)' "$OUT/summary.json" "$JUDGE_MEMORY")
[[ $JUDGE_MEMORY == 1 ]] || FIGURES="$FIGURES (memory reported, not judged: short form)"
if [[ $OK == 1 && $UNHANDLED == 0 ]]; then
    result ok "$FIGURES ($((SECONDS - STARTED_AT)) s in all)"
else
    [[ $UNHANDLED == 0 ]] || FIGURES="$FIGURES; the service logged $UNHANDLED unhandled errors"
    head -n 5 "$OUT/errors.jsonl" >&2 || true
    result FAILED "$FIGURES"
    exit 1
fi
