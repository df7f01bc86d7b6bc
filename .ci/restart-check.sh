#!/usr/bin/env bash
# Shows that data survives a restart on the embedded default (H2 file database), end to end with the
# packaged jar: start on a fresh data folder, add a member as the admin, stop, start again, and read the
# member back. Prints the startup time and the resident memory after start of both runs.
# Needs a built jar: ./mvnw package (or verify). Usage: .ci/restart-check.sh [port [management-port]]
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${1:-18080}
MANAGEMENT_PORT=${2:-$((PORT + 1))}
JAR=target/quarkus-app/quarkus-run.jar
[[ -f ${JAR} ]] || { echo "no ${JAR}: run ./mvnw package first" >&2; exit 1; }
DATA="$(mktemp -d "${TMPDIR:-/tmp}/directory-restart.XXXXXX")"
PASSWORD="restart-check-$(date +%s)"
BASE="http://127.0.0.1:${PORT}"
# Health and metrics are on the management interface, not on the API's port.
OPS="http://127.0.0.1:${MANAGEMENT_PORT}"
PID=""
cleanup() { [[ -n ${PID} ]] && kill "${PID}" 2>/dev/null; rm -rf "${DATA}"; }
trap cleanup EXIT

start() {
  local started=$(date +%s%N)
  DIRECTORY_DATA_DIR="${DATA}" DIRECTORY_ADMIN_PASSWORD="${PASSWORD}" QUARKUS_HTTP_PORT="${PORT}" \
    QUARKUS_MANAGEMENT_PORT="${MANAGEMENT_PORT}" java -Xmx256m -jar "${JAR}" >>"${DATA}/app.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 300); do
    if curl -fsS -o /dev/null "${OPS}/q/health/ready" 2>/dev/null; then
      local ms=$(( ($(date +%s%N) - started) / 1000000 ))
      local rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/${PID}/status")
      echo "started in ${ms} ms (until ready, JVM launch included); RSS after start $((rss_kb / 1024)) MiB;" \
        "Quarkus says: $(grep -o 'started in [0-9.]*s' "${DATA}/app.log" | tail -1)"
      return 0
    fi
    kill -0 "${PID}" 2>/dev/null || { tail -40 "${DATA}/app.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "not ready after 30 s" >&2; tail -40 "${DATA}/app.log" >&2; exit 1
}

stop() {
  kill "${PID}"; wait "${PID}" 2>/dev/null || true; PID=""
}

start
NAME="Restart Check $(date +%s)"
ID=$(curl -fsS -u "admin:${PASSWORD}" -H 'Content-Type: application/json' \
  -d "{\"name\": \"${NAME}\", \"type\": \"freelancer\", \"municipality\": \"2581\", \"skills\": [\"photography\"]}" \
  "${BASE}/api/v1/members" | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo "created member ${ID}"
stop

start
BODY=$(curl -fsS "${BASE}/api/v1/members/${ID}")
grep -q "\"name\":\"${NAME}\"" <<<"${BODY}" || { echo "member lost after restart: ${BODY}" >&2; exit 1; }
# The admin account survived too: its credentials still get the curator view (ETag without -public).
HEADERS=$(curl -fsS -D - -o /dev/null -u "admin:${PASSWORD}" "${BASE}/api/v1/members/${ID}")
grep -qiE '^etag: "[0-9]+"' <<<"${HEADERS}" || { echo "admin login failed after restart" >&2; exit 1; }
COUNT=$(curl -fsS "${BASE}/api/v1/municipalities" | grep -o '"code"' | wc -l)
[[ ${COUNT} -eq 14 ]] || { echo "expected 14 municipalities, got ${COUNT}" >&2; exit 1; }
# The production build serves Swagger UI and the contract.
curl -fsS -o /dev/null "${BASE}/q/swagger-ui/" || { echo "no Swagger UI in the production build" >&2; exit 1; }
CONTRACT=$(curl -fsS "${BASE}/q/openapi")
grep -q 'basicAuth' <<<"${CONTRACT}" || { echo "no security scheme in the served contract" >&2; exit 1; }
# Metrics are served on the management port only.
# (Read whole first: grep -q stops at the first match, and curl writing into the closed pipe fails the pipeline.)
METRICS=$(curl -fsS "${OPS}/q/metrics")
grep -q '^http_server_requests_seconds_count' <<<"${METRICS}" || { echo "no metrics on ${OPS}" >&2; exit 1; }
[[ $(curl -s -o /dev/null -w '%{http_code}' "${BASE}/q/metrics") == 404 ]] || { echo "metrics on the public port" >&2; exit 1; }
stop
echo "restart check passed: the member, the seeded data and the admin account survived a restart"
