# What bench/search.sh, bench/partner.sh and bench/writes.sh share (sourced, not run): the service's JVM settings, the common
# settings' defaults, logging, the app they measure, and the service itself (.ci/service.sh). The sourcing
# script sets ROOT (the repository) first.

# The heap is set deliberately: the JVM's default would let it grow past 1 GB. 150 MB holds the segment
# arrays, the word and facet caches and the request garbage at 100,000 members; Parallel GC and two malloc
# arenas keep the native overhead small (RSS stays under 400 MB under load). The settings are the README's
# (SERVICE_RECOMMENDED_JAVA_OPTS, .ci/service.sh).
# shellcheck source=../.ci/service.sh
source "$ROOT/.ci/service.sh"
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-$SERVICE_RECOMMENDED_JAVA_OPTS}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
BENCH_PORT=${BENCH_PORT:-18090}
BENCH_KEEP=${BENCH_KEEP:-0}
ADMIN_PASSWORD=${BENCH_ADMIN_PASSWORD:-bench-$RANDOM$RANDOM}
JAVA=${JAVA:-java}
# The per-client limit on public requests (DIRECTORY_PUBLIC_RATE_LIMIT) would answer 429 to a load generator, which is
# one client: every benchmarked service gets it out of reach (the environment reaches the service through service_start).
export DIRECTORY_PUBLIC_RATE_LIMIT=${BENCH_PUBLIC_RATE_LIMIT:-1000000000}

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Sets APP: BENCH_APP, or target/quarkus-app (built when missing); it must be the H2 build.
bench_app() {
    if [[ -n ${BENCH_APP:-} ]]; then
        APP=$(cd "$BENCH_APP" && pwd)
        [[ -f $APP/quarkus-run.jar ]] || die "BENCH_APP=$BENCH_APP has no quarkus-run.jar"
    else
        APP=$ROOT/target/quarkus-app
        if [[ ! -f $APP/quarkus-run.jar ]]; then
            log "no $APP/quarkus-run.jar: building it (./mvnw -B -q package -DskipTests)"
            (cd "$ROOT" && ./mvnw -B -q package -DskipTests) || die "the build failed"
        fi
    fi
    compgen -G "$APP/lib/main/com.h2database.h2-*.jar" >/dev/null \
        || die "$APP has no H2 driver (lib/main/com.h2database.h2-*.jar): not the H2 build?"
}

# The service runs a copy of the app in $1 (the temp folder), so that a rebuild in the repository during the
# run does not change what is measured; the admin password, the JVM and its options are the ones above.
bench_service() {
    cp -r "$APP" "$1/app"
    SERVICE_JAR=$1/app/quarkus-run.jar SERVICE_JAVA=$JAVA SERVICE_JAVA_OPTS=$BENCH_JAVA_OPTS
    SERVICE_ADMIN_PASSWORD=$ADMIN_PASSWORD
}

# The tools the load benchmarks need: Java, python3, curl, awk, and wrk (installed from Debian packages when run
# as root, else a hint to install it).
bench_tools() {
    for tool in "$JAVA" python3 curl awk; do
        command -v "$tool" >/dev/null || die "$tool is needed"
    done
    if ! command -v wrk >/dev/null; then
        if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
            log "installing wrk (apt-get)"
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
                || { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
                     && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } \
                || die "could not install wrk with apt-get"
        else
            die "wrk is not installed; please install it (e.g. 'sudo apt-get install -y wrk') and run again"
        fi
    fi
}

# Sets WORK, a temp folder named after the benchmark ($1), and cleans up whatever happens (exit, Ctrl-C, kill): runs
# bench_cleanup_extra when the benchmark defines one, stops the services, removes WORK (kept with BENCH_KEEP=1).
bench_workdir() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/directory-$1-bench.XXXXXX")
    trap bench_cleanup EXIT
    trap 'log "interrupted"; exit 130' INT
    trap 'exit 143' TERM
}

bench_cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if declare -F bench_cleanup_extra >/dev/null; then bench_cleanup_extra; fi
    service_stop_all
    if [[ $BENCH_KEEP == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    exit "$status"
}
