#!/usr/bin/env bash
# Shows that the embeddable member search works in a real browser on OTHER sites, end to end with the packaged
# jar: start it with the demo members (DIRECTORY_DEMO_DATA=true) and one granted origin (DIRECTORY_CORS_ORIGINS,
# a partner page served by the check on another port), then in headless Chromium (.ci/embed-check.mjs):
#   partner page    one <script type="module" src=".../embed/member-search.js"> and <cn-member-search>: a visitor
#                   types a query with a typo (suggestions show) and finds the member, checks a municipality facet
#                   ("Luleå (14)") and sees the results narrow, pages forward with "Nästa", moves on from the search
#                   box with Tab; no console error, no request to anything but the API and the page itself
#   iframe          /embed/search shows inside the partner's page, and is refused by its frame-ancestors inside a
#                   page of a second origin that is not granted
# Screenshots of each stage go to target/embed-check/ (kept; failed stages too). Prints a summary line
# ("embed: ...") and exits non-zero on any failure.
# Needs a built jar (./mvnw package), Node 20+, Chromium (/usr/bin/chromium, or CHROMIUM=...) and npm's
# playwright-core reachable through NODE_PATH (.ci/run installs both outside the repo).
# Usage: .ci/embed-check.sh [port [management-port]]   (the first free ones from those)
set -euo pipefail
cd "$(dirname "$0")/.."

source .ci/browser.sh

source .ci/service.sh
service_ports "$@"
# The partner's page (granted) and a stranger's page (not granted): other origins than the service's
# (http://127.0.0.1:PORT). The partner's is http://localhost:..., another site as well as another origin.
PARTNER_PORT=$(service_free_port)
STRANGER_PORT=$(service_free_port)
# The kernel may hand out a port twice when it was closed in between.
taken() { [[ $1 == "${SERVICE_PORT}" || $1 == "${SERVICE_MANAGEMENT_PORT}" || $1 == "${2:-}" ]]; }
while taken "${PARTNER_PORT}"; do PARTNER_PORT=$(service_free_port); done
while taken "${STRANGER_PORT}" "${PARTNER_PORT}"; do STRANGER_PORT=$(service_free_port); done
PARTNER_ORIGIN="http://localhost:${PARTNER_PORT}"
DATA="$(mktemp -d "${TMPDIR:-/tmp}/directory-embed.XXXXXX")"
SHOTS="target/embed-check"
rm -rf "${SHOTS}"
mkdir -p "${SHOTS}"
cleanup() {
  service_stop_all
  rm -rf "${DATA}"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

service_start "${DATA}" "${DATA}/app.log" DIRECTORY_DEMO_DATA=true DIRECTORY_CORS_ORIGINS="${PARTNER_ORIGIN}"
service_wait_ready || exit 1
echo "service ready on ${SERVICE_BASE} in ${SERVICE_READY_MS} ms"
echo "partner's pages on ${PARTNER_ORIGIN} (granted), stranger's on http://127.0.0.1:${STRANGER_PORT} (not granted)"

rc=0
EMBED_API="${SERVICE_BASE}" EMBED_PARTNER_PORT="${PARTNER_PORT}" EMBED_STRANGER_PORT="${STRANGER_PORT}" \
  EMBED_SHOTS="${SHOTS}" node .ci/embed-check.mjs || rc=$?
((rc == 0)) || service_log_tail
echo "screenshots: ${SHOTS}/"
exit "${rc}"
