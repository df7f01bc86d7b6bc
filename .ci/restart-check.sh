#!/usr/bin/env bash
# Shows that data survives a restart on the embedded default (H2 file database), end to end with the
# packaged jar: start on a fresh data folder, add a member as the admin, stop, start again, and read the
# member back. Prints the startup time and the resident memory after start of both runs.
# Needs a built jar: ./mvnw package (or verify). Usage: .ci/restart-check.sh [port [management-port]]
# (the first free ones from those; without them, ports the kernel hands out on the loopback interface).
set -euo pipefail
cd "$(dirname "$0")/.."

source .ci/service.sh
# Health and metrics are on the management interface, not on the API's port.
service_ports "$@"
BASE=${SERVICE_BASE} OPS=${SERVICE_OPS} PASSWORD=${SERVICE_ADMIN_PASSWORD}
DATA="$(mktemp -d "${TMPDIR:-/tmp}/directory-restart.XXXXXX")"
cleanup() { service_stop_all; rm -rf "${DATA}"; }
trap cleanup EXIT

start() {
  service_start "${DATA}" "${DATA}/app.log"
  service_wait_ready || exit 1
  local rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/${SERVICE_PID}/status")
  echo "started in ${SERVICE_READY_MS} ms (until ready, JVM launch included); RSS after start $((rss_kb / 1024)) MiB;" \
    "Quarkus says: $(grep -o 'started in [0-9.]*s' "${DATA}/app.log" | tail -1)"
}

start
NAME="Restart Check $(date +%s)"
ID=$(curl -fsS -u "admin:${PASSWORD}" -H 'Content-Type: application/json' \
  -d "{\"name\": \"${NAME}\", \"type\": \"freelancer\", \"municipality\": \"2581\", \"skills\": [\"photography\"]}" \
  "${BASE}/api/v1/members" | sed -E 's/.*"id":"([^"]+)".*/\1/')
echo "created member ${ID}"
service_stop

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
service_stop
echo "restart check passed: the member, the seeded data and the admin account survived a restart"
