#!/usr/bin/env bash
# Crash check: no acknowledged write is lost when the packaged jar is killed (kill -9) while writing.
#
#   .ci/crash-check.sh                 # the H2 jar in target/quarkus-app, on a fresh temp data folder
#   QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:PORT/DB QUARKUS_DATASOURCE_USERNAME=... \
#   QUARKUS_DATASOURCE_PASSWORD=... CRASH_APP=/path/to/pg/quarkus-app .ci/crash-check.sh
#                                      # a PostgreSQL jar on an EMPTY database (.ci/postgres.sh createdb)
#
# 1. Starts the jar (CRASH_APP folder, default target/quarkus-app) on a temp data folder with a known admin
#    password and waits until it is ready.
# 2. Runs CRASH_WRITERS (4) concurrent writers (.ci/crash-client.mjs write, node 20): creates, some merge
#    patches and deletes, each acknowledged write logged by the client (id and what was acknowledged).
# 3. Once CRASH_ACKS (500) writes are acknowledged, kill -9 of the jar while the writers keep writing (their
#    requests in flight then fail: unacknowledged).
# 4. Starts the jar again on the same data folder / database and checks (crash-client.mjs verify) that
#    every acknowledged write is in the database (GET by id as the admin) and that the search index agrees
#    with it (a bounded poll: the index follows the database asynchronously).
# Prints the figures ("crash: ..." lines); exits non-zero when a write is lost or the index disagrees.
# Settings: CRASH_PORT (the first free port from it up to +40; default: one the kernel hands out), CRASH_APP, CRASH_WRITERS, CRASH_ACKS,
# CRASH_WRITE_TIMEOUT (300 s to reach CRASH_ACKS), CRASH_READY_TIMEOUT (300 s to start), CRASH_JAVA_OPTS
# (-Xmx256m), CRASH_INDEX_WAIT_S (60 s for the index to agree), CRASH_KEEP=1 keeps the temp folder (logs,
# database, the client's log) and prints the admin password.
# Any QUARKUS_* / DIRECTORY_* variable set by the caller reaches the jar (e.g. an old JDBC URL to compare).
set -euo pipefail
cd "$(dirname "$0")/.."

APP="${CRASH_APP:-target/quarkus-app}"
JAR="${APP}/quarkus-run.jar"
[[ -f ${JAR} ]] || { echo "no ${JAR}: run ./mvnw package first" >&2; exit 1; }
command -v node >/dev/null || { echo "node (20 or later) is needed" >&2; exit 1; }
WRITERS="${CRASH_WRITERS:-4}"
ACKS="${CRASH_ACKS:-500}"
WRITE_TIMEOUT="${CRASH_WRITE_TIMEOUT:-300}"
READY_TIMEOUT="${CRASH_READY_TIMEOUT:-300}"

source .ci/service.sh
SERVICE_JAR=${JAR} SERVICE_JAVA_OPTS=${CRASH_JAVA_OPTS:--Xmx256m} SERVICE_READY_TIMEOUT=${READY_TIMEOUT}
SERVICE_ADMIN_PASSWORD="crash-check-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
# Health is on the management interface, a port of its own: the next free one after the API's (or, without
# CRASH_PORT, both ports the kernel hands out).
service_ports ${CRASH_PORT:+"${CRASH_PORT}"}
PORT=${SERVICE_PORT} MANAGEMENT_PORT=${SERVICE_MANAGEMENT_PORT} BASE=${SERVICE_BASE} PASSWORD=${SERVICE_ADMIN_PASSWORD}

TMP="$(mktemp -d "${TMPDIR:-/tmp}/directory-crash.XXXXXX")"
DATA="${TMP}/data"
CLIENT_LOG="${TMP}/acknowledged.jsonl"
# One word every member of this run carries in its name (letters only), for the index check.
RUN="krasch$(head -c 64 /dev/urandom | tr -dc 'a-z' | cut -c1-10)"
WRITER_PID=""
cleanup() {
  local rc=$?
  [[ -n ${WRITER_PID} ]] && { kill "${WRITER_PID}" 2>/dev/null || true; }
  service_stop_all
  if [[ "${CRASH_KEEP:-0}" == 1 ]]; then echo "kept ${TMP} (admin password ${PASSWORD}, run word ${RUN})"; else rm -rf "${TMP}"; fi
  exit "${rc}"
}
trap cleanup EXIT

# Ready means the database is up and the search index has been opened and caught up.
start() {
  service_start "${DATA}" "${TMP}/app.log"
  service_wait_ready || exit 1
}

acked() { grep -c '"t":"ack"' "${CLIENT_LOG}" 2>/dev/null || true; }

echo "crash check: ${JAR}, ${WRITERS} writers, kill -9 after ${ACKS} acknowledged writes, port ${PORT} (management ${MANAGEMENT_PORT})"
start
echo "started (pid ${SERVICE_PID})"
: >"${CLIENT_LOG}"
CRASH_WRITERS="${WRITERS}" node .ci/crash-client.mjs write "${BASE}" admin "${PASSWORD}" "${CLIENT_LOG}" "${RUN}" &
WRITER_PID=$!
WRITE_START=${SECONDS}
until (($(acked) >= ACKS)); do
  kill -0 "${WRITER_PID}" 2>/dev/null || { echo "the writers stopped early:" >&2; grep -v '"t":"\(send\|ack\)"' "${CLIENT_LOG}" | head >&2; exit 1; }
  ((SECONDS - WRITE_START < WRITE_TIMEOUT)) || { echo "only $(acked) writes acknowledged after ${WRITE_TIMEOUT} s" >&2; exit 1; }
  sleep 0.05
done
service_crash
echo "kill -9 after $(acked) acknowledged writes ($((SECONDS - WRITE_START)) s of writing)"
wait "${WRITER_PID}" || true
WRITER_PID=""
echo "writers stopped: $(acked) acknowledged writes in the client's log"

start
echo "restarted; the search index says:"
grep -oE '(Search index (reopened|built)|Search ready).*' "${TMP}/app.log" | tail -n 2 | sed 's/^/  /'
node .ci/crash-client.mjs verify "${BASE}" admin "${PASSWORD}" "${CLIENT_LOG}" "${RUN}"
