#!/usr/bin/env bash
# Graceful shutdown check: SIGTERM cuts off no request, and what was acknowledged is in the search index at once after
# a restart.
#
#   .ci/graceful-check.sh              # the H2 jar in target/quarkus-app, on a fresh temp data folder
#
# 1. Starts the jar (with the demo members) with the shutdown settings it ships with (docs/operations.md, "Graceful shutdown":
#    QUARKUS_SHUTDOWN_DELAY 5 s, QUARKUS_SHUTDOWN_TIMEOUT 15 s) and waits until it is ready.
# 2. .ci/graceful-client.mjs load (node 20): an import job of 40,000 members, then searchers, writers and slow
#    writers (bodies sent over seconds) keep requests in flight; the client sends SIGTERM, probes readiness on the
#    management port every 100 ms like a load balancer, keeps sending for a second after it says 503, sends two last
#    slow creates that outlast the shutdown delay, then nothing. A TCP probe of the API's port sees the listener close.
#    Every request sent must get a complete answer of the expected status (no reset, no cut body, no 5xx);
#    readiness must say 503 before the listener closes.
# 3. The service's log must show the import job stopped and the index committed at the shutdown, and no time-out.
# 4. Starts the jar again on the same data folder: the index must be reopened at the database's latest change
#    ("catching up from change N to N": nothing to catch up, no rebuild; the change log's safe point starts at the
#    committed one, above 0 and at most N, so the first poll does not read every member's place), and
#    (graceful-client.mjs verify) every
#    acknowledged write is there and found by the search at once; the import job says where it stopped, and the
#    search finds exactly the members it created.
# Prints the figures ("graceful: ..." lines); exits non-zero on any failure.
# Settings: GRACEFUL_PORT (the first free port from it up to +40; default: one the kernel hands out), GRACEFUL_APP
# (target/quarkus-app), GRACEFUL_JAVA_OPTS (-Xmx256m), GRACEFUL_READY_TIMEOUT (300 s), GRACEFUL_KEEP=1 keeps the temp
# folder (logs, database, the client's log); the client's own (GRACEFUL_SEARCHERS, GRACEFUL_IMPORT_ROWS, ...) are
# described in .ci/graceful-client.mjs. QUARKUS_SHUTDOWN_DELAY / _TIMEOUT set by the caller reach the jar (the client
# is told the delay).
set -euo pipefail
cd "$(dirname "$0")/.."

APP="${GRACEFUL_APP:-target/quarkus-app}"
JAR="${APP}/quarkus-run.jar"
[[ -f ${JAR} ]] || { echo "no ${JAR}: run ./mvnw package first" >&2; exit 1; }
command -v node >/dev/null || { echo "node (20 or later) is needed" >&2; exit 1; }

source .ci/service.sh
SERVICE_JAR=${JAR} SERVICE_JAVA_OPTS=${GRACEFUL_JAVA_OPTS:--Xmx256m} SERVICE_READY_TIMEOUT=${GRACEFUL_READY_TIMEOUT:-300}
SERVICE_ADMIN_PASSWORD="graceful-check-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
service_ports ${GRACEFUL_PORT:+"${GRACEFUL_PORT}"}
# Every request of the client comes from 127.0.0.1: the per-client limit of anonymous requests would answer 429.
export DIRECTORY_PUBLIC_RATE_LIMIT=${DIRECTORY_PUBLIC_RATE_LIMIT:-1000000}
# The delay the jar uses (its default unless the caller sets one), for the client's "answered after the delay".
DELAY_MS=$(sed -nE 's/^([0-9]+)(ms|s)?$/\1 \2/p' <<<"${QUARKUS_SHUTDOWN_DELAY:-5s}" | awk '{print ($2 == "ms") ? $1 : $1 * 1000}')

TMP="$(mktemp -d "${TMPDIR:-/tmp}/directory-graceful.XXXXXX")"
DATA="${TMP}/data"
CLIENT_LOG="${TMP}/acknowledged.jsonl"
EXITED="${TMP}/exited"
# Words every member of this run (and of its import) carries in its name (letters only), for the searches.
RUN="grace$(head -c 64 /dev/urandom | tr -dc 'a-z' | cut -c1-10)"
IMPORT="imp$(head -c 64 /dev/urandom | tr -dc 'a-z' | cut -c1-10)"
CLIENT_PID=""
cleanup() {
  local rc=$?
  [[ -n ${CLIENT_PID} ]] && { kill "${CLIENT_PID}" 2>/dev/null || true; }
  service_stop_all
  if [[ "${GRACEFUL_KEEP:-0}" == 1 ]]; then echo "kept ${TMP} (admin password ${SERVICE_ADMIN_PASSWORD})"; else rm -rf "${TMP}"; fi
  exit "${rc}"
}
trap cleanup EXIT

echo "graceful check: ${JAR}, port ${SERVICE_PORT} (management ${SERVICE_MANAGEMENT_PORT}), shutdown delay ${DELAY_MS} ms"
service_start "${DATA}" "${TMP}/first.log" DIRECTORY_DEMO_DATA=true
service_wait_ready || exit 1
PID=${SERVICE_PID}
: >"${CLIENT_LOG}"
GRACEFUL_DELAY_MS=${DELAY_MS} node .ci/graceful-client.mjs load "${SERVICE_BASE}" "${SERVICE_OPS}" "${SERVICE_ADMIN_PASSWORD}" \
  "${PID}" "${EXITED}" "${CLIENT_LOG}" "${RUN}" "${IMPORT}" &
CLIENT_PID=$!
# The client sends SIGTERM; the exit is seen here (the process is this shell's child) and told to the client.
EXIT_CODE=0
wait "${PID}" || EXIT_CODE=$?
echo "$(service_now_ms) ${EXIT_CODE}" >"${EXITED}"
service_forget "${PID}"
LOAD_RC=0
wait "${CLIENT_PID}" || LOAD_RC=$?
CLIENT_PID=""

FAILED=0
fail() { echo "FAILED $*" >&2; FAILED=1; }
# 143: the JVM's exit on SIGTERM after its shutdown hooks ran.
[[ ${EXIT_CODE} == 143 || ${EXIT_CODE} == 0 ]] || fail "the service exited with ${EXIT_CODE}"
grep -q 'Timed out waiting for graceful shutdown' "${TMP}/first.log" && fail "Quarkus timed out waiting for requests in flight"
grep -q 'Search index committed at shutdown' "${TMP}/first.log" || fail "the search index was not committed at the shutdown"
echo "graceful: the service's shutdown: $(grep -oE '(Import job [^ ]+ stopped by the shutdown.*|Search index committed at shutdown.*|stopped in [0-9.]+s)' \
  "${TMP}/first.log" | sed -E 's/Import job [^ ]+ /import job /' | paste -sd ';' | sed 's/;/; /g')"
((LOAD_RC == 0)) || fail "requests were cut off or readiness did not turn DOWN first (see above)"

service_start "${DATA}" "${TMP}/second.log"
service_wait_ready || exit 1
REOPENED=$(grep -oE 'Search index reopened; catching up from change [0-9]+ to [0-9]+ \(the change log settled up to [0-9]+\)' \
  "${TMP}/second.log" || true)
if grep -qE 'Search index does not match|Search index built from the database' "${TMP}/second.log"; then
  fail "the search index was rebuilt at the restart: $(grep -oE 'Search index (does not match|built).*' "${TMP}/second.log" | head -1)"
elif [[ ${REOPENED} =~ from\ change\ ([0-9]+)\ to\ ([0-9]+)\ .*settled\ up\ to\ ([0-9]+) ]] && [[ ${BASH_REMATCH[1]} == "${BASH_REMATCH[2]}" ]]; then
  echo "graceful: restarted, ready in ${SERVICE_READY_MS} ms; the index was reopened at change ${BASH_REMATCH[1]}, the database's latest: nothing to catch up"
  # The change log's safe point starts from the one committed, not from 0 (which reads every member's place).
  ((BASH_REMATCH[3] > 0 && BASH_REMATCH[3] <= BASH_REMATCH[1])) \
    || fail "the change log's safe point started at ${BASH_REMATCH[3]}, not at the committed one (at most ${BASH_REMATCH[1]})"
  echo "graceful: the change log's safe point started at ${BASH_REMATCH[3]}"
else
  fail "the index committed at the shutdown was behind the database: ${REOPENED:-no reopen line in the log}"
fi
node .ci/graceful-client.mjs verify "${SERVICE_BASE}" "${SERVICE_OPS}" "${SERVICE_ADMIN_PASSWORD}" "${CLIENT_LOG}" "${RUN}" "${IMPORT}" \
  || fail "acknowledged writes are missing after the restart (see above)"
service_stop
((FAILED == 0)) || exit 1
echo "graceful check passed"
