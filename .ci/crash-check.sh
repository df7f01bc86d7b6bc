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
# Settings: CRASH_PORT (18081; the next free port up to +20 is taken), CRASH_APP, CRASH_WRITERS, CRASH_ACKS,
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
read -r -a JAVA_OPTS <<<"${CRASH_JAVA_OPTS:--Xmx256m}"

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT="${CRASH_PORT:-18081}"
for _ in $(seq 1 20); do port_is_free "${PORT}" && break; PORT=$((PORT + 1)); done
port_is_free "${PORT}" || { echo "no free port from ${CRASH_PORT:-18081}" >&2; exit 1; }
# Health is on the management interface, a port of its own: the next free one after the API's.
MANAGEMENT_PORT=$((PORT + 1))
for _ in $(seq 1 20); do port_is_free "${MANAGEMENT_PORT}" && break; MANAGEMENT_PORT=$((MANAGEMENT_PORT + 1)); done

TMP="$(mktemp -d "${TMPDIR:-/tmp}/directory-crash.XXXXXX")"
DATA="${TMP}/data"
CLIENT_LOG="${TMP}/acknowledged.jsonl"
PASSWORD="crash-check-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
BASE="http://127.0.0.1:${PORT}"
OPS="http://127.0.0.1:${MANAGEMENT_PORT}"
# One word every member of this run carries in its name (letters only), for the index check.
RUN="krasch$(head -c 64 /dev/urandom | tr -dc 'a-z' | cut -c1-10)"
PID="" WRITER_PID=""
cleanup() {
  local rc=$?
  [[ -n ${WRITER_PID} ]] && { kill "${WRITER_PID}" 2>/dev/null || true; }
  if [[ -n ${PID} ]]; then
    kill "${PID}" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "${PID}" 2>/dev/null || break; sleep 0.2; done
    kill -9 "${PID}" 2>/dev/null || true
    wait "${PID}" 2>/dev/null || true
  fi
  if [[ "${CRASH_KEEP:-0}" == 1 ]]; then echo "kept ${TMP} (admin password ${PASSWORD}, run word ${RUN})"; else rm -rf "${TMP}"; fi
  exit "${rc}"
}
trap cleanup EXIT

start() {
  local started=${SECONDS}
  DIRECTORY_DATA_DIR="${DATA}" DIRECTORY_ADMIN_PASSWORD="${PASSWORD}" QUARKUS_HTTP_PORT="${PORT}" \
    QUARKUS_MANAGEMENT_PORT="${MANAGEMENT_PORT}" java "${JAVA_OPTS[@]}" -jar "${JAR}" >>"${TMP}/app.log" 2>&1 &
  PID=$!
  # Ready means the database is up and the search index has been opened and caught up.
  until curl -fsS -o /dev/null "${OPS}/q/health/ready" 2>/dev/null; do
    kill -0 "${PID}" 2>/dev/null || { tail -40 "${TMP}/app.log" >&2; echo "the jar exited" >&2; exit 1; }
    ((SECONDS - started < READY_TIMEOUT)) || { tail -40 "${TMP}/app.log" >&2; echo "not ready after ${READY_TIMEOUT} s" >&2; exit 1; }
    sleep 0.2
  done
}

acked() { grep -c '"t":"ack"' "${CLIENT_LOG}" 2>/dev/null || true; }

echo "crash check: ${JAR}, ${WRITERS} writers, kill -9 after ${ACKS} acknowledged writes, port ${PORT} (management ${MANAGEMENT_PORT})"
start
echo "started (pid ${PID})"
: >"${CLIENT_LOG}"
CRASH_WRITERS="${WRITERS}" node .ci/crash-client.mjs write "${BASE}" admin "${PASSWORD}" "${CLIENT_LOG}" "${RUN}" &
WRITER_PID=$!
WRITE_START=${SECONDS}
until (($(acked) >= ACKS)); do
  kill -0 "${WRITER_PID}" 2>/dev/null || { echo "the writers stopped early:" >&2; grep -v '"t":"\(send\|ack\)"' "${CLIENT_LOG}" | head >&2; exit 1; }
  ((SECONDS - WRITE_START < WRITE_TIMEOUT)) || { echo "only $(acked) writes acknowledged after ${WRITE_TIMEOUT} s" >&2; exit 1; }
  sleep 0.05
done
kill -9 "${PID}"
echo "kill -9 after $(acked) acknowledged writes ($((SECONDS - WRITE_START)) s of writing)"
wait "${PID}" 2>/dev/null || true
PID=""
wait "${WRITER_PID}" || true
WRITER_PID=""
echo "writers stopped: $(acked) acknowledged writes in the client's log"

start
echo "restarted; the search index says:"
grep -oE '(Search index (reopened|built)|Search ready).*' "${TMP}/app.log" | tail -n 2 | sed 's/^/  /'
node .ci/crash-client.mjs verify "${BASE}" admin "${PASSWORD}" "${CLIENT_LOG}" "${RUN}"
