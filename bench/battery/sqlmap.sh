#!/usr/bin/env bash
# Battery part "sqlmap": SQL injection probes against the H2 jar on the loopback interface.
#
#   bench/battery/sqlmap.sh                    # full form: --level 3 --risk 2, every target below
#   BATTERY_SHORT=1 bench/battery/sqlmap.sh    # short form (CI): --level 1 --risk 1, members (7 parameters), suggest,
#                                              # member and changes: under a minute of sqlmap
#
# sqlmap (Debian package, 1.7.2; installed with apt when missing) runs non-interactively (--batch) against
# 127.0.0.1 only, one run per target, each with its own output folder and traffic file under BATTERY_OUT/sqlmap:
#   members     GET /api/v1/members: q, skill, municipality, type, sort, page, size (full form also language, seeks,
#               offers, serves, available, featured, near, skillMatch, facetSize)
#   suggest     GET /api/v1/members/suggest: q
#   member      GET /api/v1/members/{idOrSlug}: the path segment (sqlmap's * marker)
#   changes     GET /api/v1/members/changes: since, size
#   (full form) skill and municipality (the path segment),
#               curator (GET /members as a curator: status, stale, q), export (GET /exports/members.csv as the admin:
#               status, municipality, skill, type), create (POST /members as the admin, the JSON body's name,
#               type, municipality, skills[0] and headline). Not a PATCH: its If-Match must be the member's current
#               ETag, which every accepted probe changes, and sqlmap takes If-Match's "*" (any version) for its own
#               marker and strips it (every PATCH was then 428).
# Passes when sqlmap finds no injectable parameter and the service answered no 5xx (counted in every traffic file
# and in the service's own http_server_requests_seconds_count metrics). The last line is
# `battery sqlmap: ok 0 injectable of N parameters tested (requests R)` (also in BATTERY_OUT/result.txt).
# Settings: BATTERY_SHORT, BATTERY_OUT (target/battery/sqlmap), BATTERY_APP (target/quarkus-app),
# SQLMAP_LEVEL, SQLMAP_RISK (default by form), SQLMAP_TARGETS (names from the list above, space-separated).
set -euo pipefail
cd "$(dirname "$0")/../.."

SHORT=${BATTERY_SHORT:-0}
OUT=${BATTERY_OUT:-target/battery/sqlmap}
APP=${BATTERY_APP:-target/quarkus-app}
if [[ $SHORT == 1 ]]; then
    LEVEL=${SQLMAP_LEVEL:-1} RISK=${SQLMAP_RISK:-1} TARGETS=${SQLMAP_TARGETS:-members suggest member changes}
else
    LEVEL=${SQLMAP_LEVEL:-3} RISK=${SQLMAP_RISK:-2}
    TARGETS=${SQLMAP_TARGETS:-members suggest member changes skill municipality curator export create}
fi

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
rm -rf "$OUT/sqlmap" "$OUT"/{result.txt,service.log,runs.tsv}
mkdir -p "$OUT/sqlmap"
STARTED_AT=$SECONDS

result() {
    local line="battery sqlmap: $1 $2"
    echo "$line" >"$OUT/result.txt"
    echo "$line"
}

if [[ ! -f $APP/quarkus-run.jar ]]; then
    echo "no $APP/quarkus-run.jar: build the H2 jar first: ./mvnw -B -ntp -q package -DskipTests" >&2
    exit 2
fi
if ! command -v sqlmap >/dev/null; then
    source .ci/tools.sh
    apt_install sqlmap >&2
fi

log() { printf '[sqlmap %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

source .ci/service.sh
cleanup() {
    local rc=$?
    trap - EXIT
    service_stop_all
    [[ -z ${WORK:-} ]] || rm -rf "$WORK"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

WORK=$(mktemp -d "${TMPDIR:-/tmp}/directory-battery-sqlmap.XXXXXX")
cp -r "$APP" "$WORK/app"
SERVICE_JAR=$WORK/app/quarkus-run.jar
SERVICE_JAVA_OPTS=${SQLMAP_JAVA_OPTS:-$SERVICE_RECOMMENDED_JAVA_OPTS}
SERVICE_ADMIN_PASSWORD="sqlmap-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
service_ports
export MALLOC_ARENA_MAX=2
# sqlmap is one client sending thousands of requests: the per-client limit would answer 429 and hide the answers.
service_start "$WORK/data" "$OUT/service.log" -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_PROFILE \
    DIRECTORY_PUBLIC_RATE_LIMIT=1000000000 DIRECTORY_DEMO_DATA=true
service_wait_ready || { result FAILED "the service did not start"; exit 1; }
BASE=$SERVICE_BASE
log "the H2 jar on $BASE (management $SERVICE_OPS), sqlmap $(sqlmap --version 2>/dev/null | head -n 1), level $LEVEL, risk $RISK"

# A member of our own, to read by its slug.
CREATED=$(curl -fsS -u "admin:$SERVICE_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name": "Sqlmap Probe", "type": "agency", "municipality": "2580", "skills": ["photography"], "headline": "Probe"}' \
    "$BASE/api/v1/members")
SLUG=$(node -e 'console.log(JSON.parse(process.argv[1]).slug)' "$CREATED")
# A cursor of the change feed as it hands them out (a made-up one is answered 400, and so would every probe be).
CURSOR=$(node -e 'console.log(JSON.parse(process.argv[1]).nextCursor)' "$(curl -fsS "$BASE/api/v1/members/changes?size=1")")

# The credentials in every request (sqlmap's --auth-type waits for a challenge each time, and Python's handler gives up
# after five 401s in a row that are not followed by a 2xx: "basic auth failed").
BASIC=$(printf 'admin:%s' "$SERVICE_ADMIN_PASSWORD" | base64 -w0)
AUTH=(-H "Authorization: Basic $BASIC")
target_args() {  # $1: target name; sets ARGS (sqlmap arguments naming the request and its parameters)
    case $1 in
    members)
        if [[ $SHORT == 1 ]]; then
            ARGS=(-u "$BASE/api/v1/members?q=foto&skill=photography&municipality=2580&type=agency&sort=name&page=1&size=10"
                -p "q,skill,municipality,type,sort,page,size")
        else
            ARGS=(-u "$BASE/api/v1/members?q=foto&skill=photography&municipality=2580&type=agency&sort=name&page=1&size=10&language=sv&seeks=internship&offers=mentoring&serves=2580&available=true&featured=false&skillMatch=all&facetSize=5"
                -p "q,skill,municipality,type,sort,page,size,language,seeks,offers,serves,available,featured,skillMatch,facetSize")
        fi ;;
    suggest) ARGS=(-u "$BASE/api/v1/members/suggest?q=fot" -p q) ;;
    member) ARGS=(-u "$BASE/api/v1/members/$SLUG*") ;;
    changes) ARGS=(-u "$BASE/api/v1/members/changes?since=$CURSOR&size=10" -p "since,size") ;;
    skill) ARGS=(-u "$BASE/api/v1/skills/photography*") ;;
    municipality) ARGS=(-u "$BASE/api/v1/municipalities/2580*") ;;
    curator) ARGS=(-u "$BASE/api/v1/members?status=pending&stale=true&q=probe" -p "status,stale,q" "${AUTH[@]}") ;;
    export) ARGS=(-u "$BASE/api/v1/exports/members.csv?status=published&municipality=2580&skill=photography&type=agency"
        -p "status,municipality,skill,type" "${AUTH[@]}") ;;
    create) ARGS=(-u "$BASE/api/v1/members" --method POST "${AUTH[@]}"
        --data '{"name": "Sqlmap Create*", "type": "agency*", "municipality": "2580*", "skills": ["photography*"], "headline": "Probe*"}') ;;
    *) echo "unknown target $1" >&2; exit 2 ;;
    esac
}

TESTED=0 INJECTABLE=0 REQUESTS=0 FIVEXX=0 FAILED_RUNS=""
for target in $TARGETS; do
    target_args "$target"
    dir=$OUT/sqlmap/$target
    mkdir -p "$dir"
    log "$target: sqlmap ${ARGS[*]//$BASIC/***}"
    t0=$SECONDS
    set +e
    TERM=dumb sqlmap "${ARGS[@]}" --batch --level "$LEVEL" --risk "$RISK" --flush-session --disable-coloring \
        --output-dir "$dir" -t "$dir/traffic.txt" --timeout 15 --retries 0 >"$dir/stdout.txt" 2>&1
    rc=$?
    set -e
    # What sqlmap concluded about each parameter: "... parameter 'q' does not seem to be injectable" (also after a
    # candidate it then found a false positive: a time-based test on a loaded machine), or the parameters it lists
    # under "sqlmap identified the following injection point(s)" ("Parameter: q (GET)").
    not=$(grep -c "does not seem to be injectable" "$dir/stdout.txt" || true)
    vul=$(sed -n '/identified the following injection point/,$p' "$dir/stdout.txt" | grep -c '^Parameter: ' || true)
    req=$(grep -c '^HTTP request \[#' "$dir/traffic.txt" 2>/dev/null || true)
    bad=$(grep -Ec '^HTTP response \[#[0-9]+\] \(5[0-9][0-9]' "$dir/traffic.txt" 2>/dev/null || true)
    TESTED=$((TESTED + not + vul)) INJECTABLE=$((INJECTABLE + vul)) REQUESTS=$((REQUESTS + req)) FIVEXX=$((FIVEXX + bad))
    printf '%s\t%s\t%s\t%s\t%s\t%s s\n' "$target" "$not" "$vul" "$req" "$bad" "$((SECONDS - t0))" >>"$OUT/runs.tsv"
    log "$target: $not not injectable, $vul injectable, $req requests, $bad 5xx, $((SECONDS - t0)) s (sqlmap exit $rc)"
    # sqlmap's first request is the target as given: it must be answered 2xx, or every probe is compared with a refusal.
    first=$(grep -m1 '^HTTP response \[#' "$dir/traffic.txt" 2>/dev/null | sed 's/.*(\([0-9]*\).*/\1/' || true)
    if [[ ! $first =~ ^2 ]]; then
        log "$target: the unprobed request was answered ${first:-nothing}, not 2xx"
        FAILED_RUNS="$FAILED_RUNS $target(answered ${first:-nothing})"
    fi
    if ((not + vul == 0)); then
        FAILED_RUNS="$FAILED_RUNS $target"
        tail -n 20 "$dir/stdout.txt" >&2
    fi
    if grep -q "CRITICAL" "$dir/stdout.txt" && ((vul == 0)) && ! grep -q "all tested parameters do not appear to be injectable" "$dir/stdout.txt"; then
        FAILED_RUNS="$FAILED_RUNS $target"
        grep "CRITICAL" "$dir/stdout.txt" >&2
    fi
done

# The service's own count of 5xx answers (every route, every status from 500 up).
METRIC_5XX=$(curl -fsS "$SERVICE_OPS/q/metrics" | awk '/^http_server_requests_seconds_count\{/ && /status="5[0-9][0-9]"/ { n += $NF } END { print n + 0 }')
UNHANDLED=$(grep -c 'Unhandled error, reference' "$OUT/service.log" || true)
{
    printf 'target\tnot injectable\tinjectable\trequests\t5xx\ttime\n'
    cat "$OUT/runs.tsv"
} | column -t -s $'\t' >&2

FIGURES="$INJECTABLE injectable of $TESTED parameters tested (requests $REQUESTS; level $LEVEL, risk $RISK; targets: $TARGETS; 5xx answers: $FIVEXX seen by sqlmap, $METRIC_5XX in the service's metrics; $((SECONDS - STARTED_AT)) s)"
if ((INJECTABLE == 0 && FIVEXX == 0 && METRIC_5XX == 0 && UNHANDLED == 0)) && [[ -z $FAILED_RUNS ]]; then
    result ok "$FIGURES"
else
    [[ -z $FAILED_RUNS ]] || FIGURES="$FIGURES; sqlmap did not finish:$FAILED_RUNS"
    result FAILED "$FIGURES"
    exit 1
fi
