#!/usr/bin/env bash
# Battery part "faults": the database goes away under load and comes back.
#
#   bench/battery/faults.sh                    # full form: about 2 minutes
#   BATTERY_SHORT=1 bench/battery/faults.sh    # short form (CI): at most 90 s
#
# 1. A throw-away PostgreSQL 15 cluster (.ci/postgres.sh start) and the PostgreSQL jar (BATTERY_PG_APP, default
#    target/pg) on it, on ports the kernel hands out.
# 2. faults-client.mjs (node 20): readers (searches, filtered listings, member reads, suggestions) and writers (creates,
#    each acknowledged one recorded with its id), while readiness (/q/health/ready, management port) is polled every
#    100 ms.
# 3. After a warm-up, PostgreSQL is stopped (pg_ctl stop -m fast: .ci/postgres.sh down) for FAULTS_OUTAGE_SECONDS
#    (10), then started again on the same port (.ci/postgres.sh up) while the load continues; the service is not
#    restarted.
# 4. Checks: readiness went DOWN during the outage and UP again after it; every answer that was not 2xx was a 503
#    application/problem+json giving nothing internal away (no 500, no stack trace, no hang over 15 s), and only
#    during the outage; after it every acknowledged create is in the database once (psql), whole (its 2 skills, its
#    history), and found by the search.
# Output: BATTERY_OUT (default target/battery/faults): the client's events, readiness samples, the service's and
# PostgreSQL's logs, summary.json; the last line is `battery faults: ok|FAILED ...` (also in result.txt).
# Settings: BATTERY_SHORT, BATTERY_OUT, BATTERY_PG_APP, FAULTS_WARMUP_SECONDS (full 20, short 5),
# FAULTS_OUTAGE_SECONDS (10), FAULTS_AFTER_SECONDS (full 30, short 8: load after readiness is UP again),
# FAULTS_READERS (6), FAULTS_WRITERS (2).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

SHORT=${BATTERY_SHORT:-0}
OUT=${BATTERY_OUT:-target/battery/faults}
PG_APP=${BATTERY_PG_APP:-target/pg}
if [[ $SHORT == 1 ]]; then WARMUP=${FAULTS_WARMUP_SECONDS:-5} AFTER=${FAULTS_AFTER_SECONDS:-8}
else WARMUP=${FAULTS_WARMUP_SECONDS:-20} AFTER=${FAULTS_AFTER_SECONDS:-30}; fi
OUTAGE=${FAULTS_OUTAGE_SECONDS:-10}

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
rm -f "$OUT"/{events.jsonl,acked.tsv,ready.tsv,markers.tsv,db.tsv,seed.txt,summary.json,result.txt,stop,service.log}
STARTED_AT=$SECONDS

result() {  # $1: ok|FAILED, $2: figures
    local line="battery faults: $1 $2"
    echo "$line" >"$OUT/result.txt"
    echo "$line"
}

if [[ ! -f $PG_APP/quarkus-run.jar ]]; then
    echo "no $PG_APP/quarkus-run.jar: build the PostgreSQL jar first:" >&2
    echo "  ./mvnw -B -ntp -q package -DskipTests -Dpostgresql -Dquarkus.package.output-directory=pg" >&2
    exit 2
fi
compgen -G "$PG_APP/lib/main/org.postgresql.postgresql-*.jar" >/dev/null \
    || { echo "$PG_APP has no PostgreSQL driver: not the PostgreSQL build?" >&2; exit 2; }
command -v node >/dev/null || { echo "node (20 or later) is needed" >&2; exit 2; }
if ! command -v psql >/dev/null; then
    source .ci/tools.sh
    apt_install postgresql-client >&2
fi

log() { printf '[faults %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }

source .ci/service.sh
PG_DIR="" CLIENT_PID=""
cleanup() {
    local rc=$?
    trap - EXIT
    [[ -n $CLIENT_PID ]] && { kill "$CLIENT_PID" 2>/dev/null || true; wait "$CLIENT_PID" 2>/dev/null || true; }
    service_stop_all
    [[ -z ${WORK:-} ]] || rm -rf "$WORK"
    if [[ -n $PG_DIR ]]; then
        cp "$PG_DIR/postgres.log" "$OUT/postgres.log" 2>/dev/null || true
        .ci/postgres.sh stop "$PG_DIR" 2>/dev/null || true
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

log "PostgreSQL: a throw-away cluster"
eval "$(.ci/postgres.sh start)"
PG_DIR=$CI_PG_DIR

# The service runs a copy of the app, so that a rebuild during the run does not change what is tested.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/directory-battery-faults.XXXXXX")
cp -r "$PG_APP" "$WORK/app"
SERVICE_JAR=$WORK/app/quarkus-run.jar
SERVICE_JAVA_OPTS=${FAULTS_JAVA_OPTS:-$SERVICE_RECOMMENDED_JAVA_OPTS}
SERVICE_ADMIN_PASSWORD="faults-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
SERVICE_READY_TIMEOUT=180
service_ports
export MALLOC_ARENA_MAX=2
# The load is one client: the per-client limit on public requests would answer it 429.
log "the service (PostgreSQL jar) on $SERVICE_BASE, management $SERVICE_OPS"
service_start "$WORK/data" "$OUT/service.log" -u DIRECTORY_DEMO_DATA -u QUARKUS_PROFILE \
    DIRECTORY_PUBLIC_RATE_LIMIT=1000000000 QUARKUS_DATASOURCE_JDBC_URL="$CI_PG_JDBC_URL" \
    QUARKUS_DATASOURCE_USERNAME="$PGUSER" QUARKUS_DATASOURCE_PASSWORD="$PGPASSWORD"
service_wait_ready || { result FAILED "the service did not start"; exit 1; }
SERVICE_JAVA_PID=$SERVICE_PID

export FAULT_BASE=$SERVICE_BASE FAULT_OPS=$SERVICE_OPS FAULT_USER=admin FAULT_PASSWORD=$SERVICE_ADMIN_PASSWORD
export FAULT_READERS=${FAULTS_READERS:-6} FAULT_WRITERS=${FAULTS_WRITERS:-2}
export FAULT_PREFIX="Fault$(head -c 64 /dev/urandom | tr -dc 'a-z' | cut -c1-8)"
log "load: $FAULT_READERS readers, $FAULT_WRITERS writers (members named '$FAULT_PREFIX ...')"
node bench/battery/faults-client.mjs load "$OUT" 2>"$OUT/client.err" &
CLIENT_PID=$!
# The client seeds a few members first (seed.txt), then loads.
for _ in $(seq 1 600); do [[ -s $OUT/seed.txt ]] && break; kill -0 "$CLIENT_PID" 2>/dev/null || break; sleep 0.1; done
[[ -s $OUT/seed.txt ]] || { cat "$OUT/client.err" >&2; result FAILED "the client could not seed its members"; exit 1; }
sleep "$WARMUP"

log "outage: stopping PostgreSQL (pg_ctl stop -m fast) for $OUTAGE s"
printf 'pgStop\t%s\n' "$(now_ms)" >>"$OUT/markers.tsv"
.ci/postgres.sh down "$PG_DIR"
printf 'pgStopped\t%s\n' "$(now_ms)" >>"$OUT/markers.tsv"
sleep "$OUTAGE"
printf 'pgStart\t%s\n' "$(now_ms)" >>"$OUT/markers.tsv"
.ci/postgres.sh up "$PG_DIR"
printf 'pgStarted\t%s\n' "$(now_ms)" >>"$OUT/markers.tsv"
log "PostgreSQL is back; waiting for readiness, then $AFTER s more of the load"
deadline=$((SECONDS + 60))
until curl -fsS -o /dev/null "$SERVICE_OPS/q/health/ready" 2>/dev/null; do
    ((SECONDS < deadline)) || { log "readiness not UP 60 s after PostgreSQL came back"; break; }
    sleep 0.1
done
sleep "$AFTER"
touch "$OUT/stop"
wait "$CLIENT_PID" || { cat "$OUT/client.err" >&2; CLIENT_PID=""; result FAILED "the load client failed"; exit 1; }
CLIENT_PID=""
kill -0 "$SERVICE_JAVA_PID" 2>/dev/null || { result FAILED "the service exited during the run"; exit 1; }

# Every member of this run as the database holds it: id, name, skills, history entries (psql with the PG* variables).
psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 >"$OUT/db.tsv" <<SQL
SELECT m.id, m.name,
       (SELECT count(*) FROM member_skill s WHERE s.member_id = m.id),
       (SELECT count(*) FROM member_history h WHERE h.member_id = m.id)
FROM member m WHERE m.name LIKE '${FAULT_PREFIX} %' ORDER BY m.name;
SQL

log "verifying: the acknowledged creates in the database and the search"
set +e
node bench/battery/faults-client.mjs verify "$OUT" >"$OUT/verify.json" 2>"$OUT/verify.err"
VERIFY_RC=$?
set -e
[[ -s $OUT/summary.json ]] || { cat "$OUT/verify.err" >&2; result FAILED "the verification failed to run"; exit 1; }
# The service must still be the one started at the beginning (not restarted), and must not have logged a 500.
RESTARTS=$(grep -c 'started in [0-9.]*s' "$OUT/service.log" || true)
ERRORS_500=$(grep -c 'Unhandled error, reference' "$OUT/service.log" || true)

FIGURES=$(node -e '
const s = require(process.argv[1]);
const fmt = (o) => Object.entries(o).map(([k, v]) => `${k} ${v.ok}x2xx/${v.s503}x503/${v.other}xother`).join(", ");
const down = Object.entries(s.whileDown).map(([k, v]) => `${k} x${v}`).join(", ");
console.log(`readiness DOWN after ${s.readyDownMs} ms, UP ${s.readyUpMs} ms after PostgreSQL was back (outage ${s.outageMs} ms),`
  + ` first acknowledged create ${s.firstCreateAfterStartMs} ms after it;`
  + ` from the stop to readiness UP: ${fmt(s.outageByKind)}; while the server was down: ${down};`
  + ` slowest answer ${s.slowestOutageAnswerMs} ms;`
  + ` ${s.acknowledgedCreates} acknowledged creates (${s.acknowledgedDuringOutage} during the outage) all in the database`
  + ` and found by search: ${s.searchedAndFound}/${s.acknowledgedCreates}; unacknowledged but stored ${s.unacknowledgedButStored}`);
' "$OUT/summary.json")
node -e 'const s = require(process.argv[1]); for (const f of s.failures) console.error("FAILED: " + f);
  for (const p of ["before", "outage", "after"]) console.error(p + ": " + JSON.stringify(s.counts[p]));' "$OUT/summary.json"

FAIL=""
((VERIFY_RC == 0)) || FAIL="checks failed (see above);"
((RESTARTS == 1)) || FAIL="$FAIL the service started $RESTARTS times;"
((ERRORS_500 == 0)) || FAIL="$FAIL the service logged $ERRORS_500 unhandled errors;"
if [[ -z $FAIL ]]; then
    result ok "$FIGURES ($((SECONDS - STARTED_AT)) s)"
else
    result FAILED "$FAIL $FIGURES"
    exit 1
fi
