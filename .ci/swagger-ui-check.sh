#!/usr/bin/env bash
# Shows that Swagger UI works in a real browser for a curator account as well as for the admin, end to
# end with the packaged jar: start it on a fresh data folder and a free loopback port, add a member and
# a curator account through the API as the admin (POST /api/v1/accounts), then in headless Chromium,
# one fresh browser context per account, load /q/swagger-ui, "Authorize" with HTTP Basic, close the
# dialog, and "Try it out" / "Execute" operations, reading the response code that the UI shows:
#   admin, GET /api/v1/members/{id}/history               200
#   curator, the same                                    200
#   curator, GET /api/v1/members?status=pending          200, listing the pending member
#   curator, POST /api/v1/skills (admin only)            403
#   admin user name with a wrong password, the history   401
# Prints a summary line ("swagger-ui: admin 200, curator 200, ...") and exits non-zero on any failure,
# also when the curator account could not be created (the admin and wrong-password checks still run).
# A screenshot of each failed check is kept in a temp folder (its path is printed).
# Needs a built jar (./mvnw package), Node 20+, Chromium (/usr/bin/chromium, or CHROMIUM=...) and npm's
# playwright-core reachable through NODE_PATH (.ci/run installs both outside the repo).
# Usage: .ci/swagger-ui-check.sh [port [management-port]]   (the first free ones from those)
set -euo pipefail
cd "$(dirname "$0")/.."

source .ci/browser.sh

source .ci/service.sh
# Ports the kernel just handed out on the loopback interface, or the first free ones from the arguments.
service_ports "$@"
BASE=${SERVICE_BASE} ADMIN_PASSWORD=${SERVICE_ADMIN_PASSWORD}
DATA="$(mktemp -d "${TMPDIR:-/tmp}/directory-swagger-ui.XXXXXX")"
SHOTS="$(mktemp -d "${TMPDIR:-/tmp}/directory-swagger-ui-shots.XXXXXX")"
CURATOR_USER="swagger-ui-curator"
CURATOR_PASSWORD="swagger-ui-curator-$(date +%s%N | sha256sum | cut -c1-12)"
cleanup() {
  service_stop_all
  rm -rf "${DATA}"
  rmdir "${SHOTS}" 2>/dev/null || echo "screenshots of the failed checks: ${SHOTS}"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

service_start "${DATA}" "${DATA}/app.log"
service_wait_ready || exit 1
echo "service ready on ${BASE} in ${SERVICE_READY_MS} ms"

# A pending member (an application waiting for review): the accounts read its history, and the curator's
# search of pending members must list it.
BODY=$(curl -fsS -u "admin:${ADMIN_PASSWORD}" -H 'Content-Type: application/json' \
  -d '{"name": "Swagger UI Check", "type": "freelancer", "municipality": "2581", "skills": ["photography"]}' \
  "${BASE}/api/v1/members?status=pending")
MEMBER_ID=$(sed -nE 's/.*"id":"([0-9a-f-]{36})".*/\1/p' <<<"${BODY}")
[[ -n ${MEMBER_ID} ]] || { echo "could not create a member: ${BODY}" >&2; exit 1; }
echo "created member ${MEMBER_ID}"

# The curator account, through the API as the admin.
CURATOR_MISSING=""
CODE=$(curl -sS -o "${DATA}/account.json" -w '%{http_code}' -u "admin:${ADMIN_PASSWORD}" \
  -H 'Content-Type: application/json' \
  -d "{\"username\": \"${CURATOR_USER}\", \"password\": \"${CURATOR_PASSWORD}\", \"role\": \"curator\"}" \
  "${BASE}/api/v1/accounts") || CODE=000
if [[ ${CODE} == 201 ]]; then
  echo "created curator account ${CURATOR_USER}"
else
  CURATOR_MISSING="POST /api/v1/accounts answered ${CODE}, not 201, so no curator account could be created through the API"
  echo "${CURATOR_MISSING}: $(head -c 300 "${DATA}/account.json" 2>/dev/null)" >&2
  CURATOR_USER="" CURATOR_PASSWORD=""
fi

rc=0
SWAGGER_UI_BASE="${BASE}" SWAGGER_UI_MEMBER_ID="${MEMBER_ID}" \
  SWAGGER_UI_ADMIN_USER=admin SWAGGER_UI_ADMIN_PASSWORD="${ADMIN_PASSWORD}" \
  SWAGGER_UI_CURATOR_USER="${CURATOR_USER}" SWAGGER_UI_CURATOR_PASSWORD="${CURATOR_PASSWORD}" \
  SWAGGER_UI_CURATOR_MISSING="${CURATOR_MISSING}" SWAGGER_UI_SHOTS="${SHOTS}" \
  node .ci/swagger-ui-check.mjs || rc=$?
# 3: every check that ran passed, only the curator's could not run (said above): the log would not help.
((rc == 0 || rc == 3)) || service_log_tail
exit "${rc}"
